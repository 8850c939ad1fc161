"""Masking of sensitive property values (schema ``sensitive: true``) in rendered views.

The rules live with every other file a user takes away, in :mod:`ringtrace.export.masking`
(they apply to lead exports as well as to views); this module keeps the names the views use.
"""

from __future__ import annotations

from ringtrace.export.masking import (
    MASK,
    id_candidates,
    mask_birth_date,
    mask_id,
    mask_phone,
    mask_text,
    mask_value,
)

__all__ = ["MASK", "id_candidates", "mask_birth_date", "mask_id", "mask_phone", "mask_text",
           "mask_value"]
