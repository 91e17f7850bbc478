"""The formulas: one topic a module, each function a model of the Scaling Series.

Standard library only. Each function checks its inputs (``calculators._checks``) and raises
:class:`~calculators._checks.InputError` or :class:`~calculators._checks.OutOfRangeError`.
"""
