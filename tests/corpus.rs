//! The labelled corpus: `corpus/labelled.jsonl` is generated from the
//! hand-annotated `corpus/annotated/*.txt`; this test keeps them in sync
//! (run with `UPDATE_CORPUS=1` to rewrite the JSONL) and checks the targets
//! the corpus is built to show.

use std::path::Path;

mod common;

use postvakt::eval::{self, GoldRecord};
use postvakt::{Kind, Scanner};

fn annotated() -> Vec<GoldRecord> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/annotated");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        all.extend(postvakt::annotate::parse(&f.display().to_string(), &src).unwrap());
    }
    all
}

fn to_jsonl(recs: &[GoldRecord]) -> String {
    recs.iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

#[test]
fn labelled_jsonl_is_generated_from_annotated_sources() {
    common::assert_generated(
        "corpus/labelled.jsonl",
        &to_jsonl(&annotated()),
        "UPDATE_CORPUS",
        "cargo test --test corpus",
    );
}

#[test]
fn corpus_is_big_and_a_third_has_nothing_to_find() {
    let recs = annotated();
    assert!(recs.len() >= 300, "{} records", recs.len());
    let empty = recs.iter().filter(|r| r.entities.is_empty()).count();
    assert!(
        empty * 3 >= recs.len(),
        "{empty} of {} have nothing to find",
        recs.len()
    );
}

#[test]
fn identity_numbers_are_found_exactly() {
    let ev = eval::evaluate(&Scanner::new(), annotated().into_iter().map(Ok));
    for kind in [Kind::Personnummer, Kind::Samordningsnummer] {
        let c = ev.kinds[&kind];
        assert!(c.tp > 0, "{kind}: no labelled examples");
        assert_eq!(
            (c.precision(), c.recall()),
            (Some(1.0), Some(1.0)),
            "{kind}: {}",
            eval::render(&ev, true)
        );
    }
}
