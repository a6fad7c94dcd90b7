"""Knowledge base: statutes (article level, every version), discretion standards and typical cases."""
