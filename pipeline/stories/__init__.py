"""Stories: syndicated copies and the articles that report one event, across outlets and days
(docs/stories.md). `copies` serves identical copies without model work; `assign` puts every stored
article into exactly one story."""
