"""A Spark session that never reaches the network on its own: local mode binds
to the loopback address and serves no UI; ``--master`` picks a cluster."""

from __future__ import annotations

import os
import sys


def spark_session(master: str = "local[*]", app: str = "wortlaut"):
    from pyspark.sql import SparkSession

    # executors run this interpreter, so they import the same wortlaut
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master.startswith("local"):
        # read by the JVM at start: bind every service to loopback, not the first interface
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(master).appName(app).config("spark.ui.enabled", "false")
    if master.startswith("local"):
        # without a default, every join of a union doubles the partitions of PySpark's shuffles
        cores = master[6:-1] if master.startswith("local[") else "1"
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.default.parallelism", str(os.cpu_count() if cores == "*" else cores)))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
