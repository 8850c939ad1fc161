"""Start (or join) the Spark session a ``ringtrace spark`` command runs in.

The master URL decides where the work runs: ``local[N]`` on this machine (tests, a laptop),
``spark://host:7077`` on a standalone cluster, ``yarn`` or ``k8s://...`` elsewhere. Whatever
it is, the executors run ringtrace's own Python code, so ringtrace (with the same version)
must be installed in the executors' Python (docs/spark.md).

Spark's own chatter (INFO and WARN logs, console progress bars) is turned off: a command
prints its own status, and a failure still reaches the user as an exception. In local mode
the JVM starts with ``log4j2.properties`` (errors only) so even its start-up lines are quiet.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import Any

from ringtrace.extras import require

__all__ = ["DEFAULT_MASTER", "spark_session"]

#: local mode with every core of this machine
DEFAULT_MASTER = "local[*]"


def spark_session(master: str | None = None, app: str = "ringtrace",
                  shuffle_partitions: int | None = None) -> Any:
    """The Spark session for ``master`` (default :data:`DEFAULT_MASTER`), created once per
    process and quiet.

    In local mode the executors' Python is this interpreter and the driver binds to the
    loopback address, so a machine without a network (or without a resolvable host name) runs
    it; on a cluster, ``PYSPARK_PYTHON`` and the cluster's own settings (``spark-defaults``)
    apply.
    """
    # pyspark warns on import that it does not yet support pandas 3, which ringtrace's Spark
    # path does not use (no pandas UDFs): the warning would only confuse a user
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas",
                            category=FutureWarning)
    sql = require("pyspark.sql", "scale", purpose="ringtrace spark")
    master = master or DEFAULT_MASTER
    local = master.startswith("local")
    if local:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        quiet = Path(__file__).with_name("log4j2.properties")
        os.environ.setdefault("PYSPARK_SUBMIT_ARGS", "--driver-java-options "
                              f"-Dlog4j2.configurationFile=file:{quiet} pyspark-shell")
    builder = (sql.SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    if local:
        builder = builder.config("spark.driver.host", "127.0.0.1")
        # a handful of partitions suits one machine; Spark's default (200) is for clusters
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions or 4))
    elif shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
