"""ringtrace on Spark, for a national corpus (the ``[scale]`` extra; docs/spark.md).

``session`` starts or joins a cluster, ``parse`` parses documents on the executors with
ringtrace's own parser, ``links`` and ``components`` find the connected groups of cases a scan
can treat apart. Nothing here is imported by the core: every module reaches pyspark through
:func:`ringtrace.extras.require`.
"""
