"""Extractors: normalised text → document metadata, observations (indicators), tasks."""
