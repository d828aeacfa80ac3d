"""Translation stage: Chinese fields -> English, with figures and glossary terms protected and the
result verified against the source.

The modules are imported by what they hold (pipeline.translate.stage.translate_article,
pipeline.translate.glossary.load_glossary, ...): importing this package alone loads nothing, so
the glossary can be read without loading the stage."""
