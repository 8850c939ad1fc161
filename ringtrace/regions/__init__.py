"""Where things are in China: one home for the administrative-division facts ringtrace uses.

* :mod:`~ringtrace.regions.gb2260`: the GB/T 2260 code table (``gb2260.json``) - code -> place
  name, a code's level, full names.
* :mod:`~ringtrace.regions.provinces`: the provinces, their short names and the one-character
  abbreviations written in court codes (法院代字) and case numbers.
* :mod:`~ringtrace.regions.courts`: what a 法院代字 says - the court's region code and name.
* :mod:`~ringtrace.regions.places`: the region code of the place names a text starts with.

A leaf package: it imports nothing from ``graph``, ``loaders`` or ``queries``, so the parser,
the rules, jurisdiction routing and entity resolution all read the same tables (one table per
fact) without depending on one another.
"""
