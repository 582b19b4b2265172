"""The batch runner's work spread over a Spark cluster (CC-NEWS scale).

``job.run`` reads WARC files one Spark task each, takes exact and near
duplicates aside as a distributed step before any analysis, analyses the
rest with the batch runner's per-article function, decides cross-article
source identity per connected blocking group, and writes Parquet. ``load``
puts such an output into a store. pyspark is needed by ``job`` only.
"""
