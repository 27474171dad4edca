import spacy

from minutes_extract.extract import extract_path
from minutes_extract.pipeline import COMPONENTS


def test_pipeline_order_and_analysis(nlp):
    assert nlp.pipe_names == [name for name, _ in COMPONENTS]
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


def test_packaged_pipeline_round_trips(nlp, tmp_path, seed_records):
    from conftest import SEEDS
    nlp.to_disk(tmp_path / "minutes-en")
    loaded = spacy.load(tmp_path / "minutes-en")
    assert loaded.pipe_names == nlp.pipe_names
    for path in SEEDS:
        again = next(extract_path(path, loaded))
        assert again.model_dump() == seed_records[path.name[:3]].model_dump()


def test_factories_are_registered_through_entry_points():
    from importlib.metadata import entry_points
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {name for name, _ in COMPONENTS} <= names
