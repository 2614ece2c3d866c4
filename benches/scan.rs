//! Criterion benchmarks of the scanning core on the bundled corpus.
//!
//! Run: `cargo bench --bench scan`. Groups: `scan_text/all` and
//! `scan_text/personnummer` (MB/s over posts scanned one by one),
//! `scan_text_clean/all` (the same over posts with nothing to find),
//! `posts/all` (posts/s), `scanner_build`, and `batch/jsonl` (parse + scan
//! + serialize, the `postvakt scan` pipeline without I/O).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use postvakt::eval::parse_gold_lines;
use postvakt::generate::generate;
use postvakt::input::jsonl;
use postvakt::{batch, output::json, Scanner};

/// 5,000 posts recombined (seed 1) from the hand-written labelled corpus
/// (about ten findings per KB); with `clean`, only from its records with
/// nothing to find (the decoys: dates, prices, case numbers, places).
fn corpus(clean: bool) -> Vec<String> {
    let mut pool =
        parse_gold_lines(include_str!("../corpus/labelled.jsonl")).expect("corpus is valid");
    if clean {
        pool.retain(|r| r.entities.is_empty());
    }
    generate(&pool, 5_000, 1).map(|r| r.text).collect()
}

fn bench(c: &mut Criterion) {
    let posts = corpus(false);
    let bytes: usize = posts.iter().map(String::len).sum();
    let clean = corpus(true);
    let all = Scanner::new();
    let pnr = Scanner::builder().only(&["personnummer"]).build().unwrap();

    let mut g = c.benchmark_group("scan_text");
    g.throughput(Throughput::Bytes(bytes as u64));
    for (name, scanner) in [("all", &all), ("personnummer", &pnr)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for p in &posts {
                    n += scanner.scan_text(p).len();
                }
                n
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("scan_text_clean");
    g.throughput(Throughput::Bytes(
        clean.iter().map(|p| p.len() as u64).sum(),
    ));
    g.bench_function("all", |b| {
        b.iter(|| clean.iter().map(|p| all.scan_text(p).len()).sum::<usize>())
    });
    g.finish();

    let mut g = c.benchmark_group("posts");
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("all", |b| {
        b.iter(|| posts.iter().map(|p| all.scan_text(p).len()).sum::<usize>())
    });
    g.finish();

    c.bench_function("scanner_build", |b| b.iter(Scanner::new));

    let lines: Vec<String> = posts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i.to_string(), "text": t}).to_string())
        .collect();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(
        lines.iter().map(|l| l.len() as u64).sum(),
    ));
    g.bench_function("jsonl", |b| {
        b.iter(|| {
            let mut out = 0usize;
            batch::scan_ordered(
                &all,
                lines.iter().enumerate(),
                batch::DEFAULT_CHUNK,
                |(i, l)| jsonl::parse_record(i + 1, l.as_bytes()),
                |o| json::scan_line(o, false),
                |l: String| {
                    out += l.len();
                    Ok::<(), std::convert::Infallible>(())
                },
            )
            .unwrap();
            out
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
