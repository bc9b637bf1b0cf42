"""accord on a Spark cluster: :mod:`.job` runs the pipeline over the articles Spark reads and
writes Parquet tables partitioned by month (``accord spark``); :mod:`.tables` gives the rows of
those tables from a document, and reads them back for ``accord ingest``. pyspark is imported
only when a job runs."""
