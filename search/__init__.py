"""Search: Chinese segmentation, the full-text index and query understanding over the knowledge base."""
