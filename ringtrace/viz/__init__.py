"""Offline HTML views of the graph and of the findings.

* :mod:`ringtrace.viz.network` - interactive network pages and fragments (vis-network,
  assembled with pyvis, rendered with our templates);
* :mod:`ringtrace.viz.pages` - the ring page, the index of rings and the overview dashboard;
* :mod:`ringtrace.viz.charts` - dependency-free inline SVG charts;
* :mod:`ringtrace.viz.masking` - masking of sensitive properties.

Every page is self-contained (inline assets, no URL, a Content-Security-Policy that forbids
fetching) and shows data strings only as text. Nothing is imported here so that importing
``ringtrace.viz.report`` stays cheap; import the modules you need.
"""
