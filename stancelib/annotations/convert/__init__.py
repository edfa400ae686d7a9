"""Conversions between stancelib records and other formats: CSV, datasets, doccano, Label Studio."""

from stancelib.annotations.convert.csv_io import read_csv, write_csv
from stancelib.annotations.convert.doccano import read_doccano, write_doccano
from stancelib.annotations.convert.hf import from_dataset, to_dataset
from stancelib.annotations.convert.labelstudio import (labelstudio_config, read_labelstudio, write_labelstudio,
                                                       write_labelstudio_predictions)

__all__ = ["read_csv", "write_csv", "read_doccano", "write_doccano", "to_dataset", "from_dataset",
           "read_labelstudio", "write_labelstudio", "write_labelstudio_predictions", "labelstudio_config"]
