"""Study materials from the knowledge base: the study pack (.docx, official format), its slides
(.pptx) and exam papers with their answer sheet (.docx)."""
