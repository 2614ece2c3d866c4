//! Criterion benchmarks of images at 1080 × 1080 on one core: the whole
//! check (decode, OCR, scan, boxes), and its parts, so the share of OCR
//! against scanning can be read off.
//!
//! Run: `cargo bench --bench images` (Tesseract installed; `.cargo/config.toml`
//! sets `OMP_THREAD_LIMIT=1`, so each image is read on one core). Images
//! come from `corpus/images/` (examples/image_corpus.rs).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use postvakt::images::{check_image, load, read_text, ImageLimits, ImageOptions, Tesseract};
use postvakt::Scanner;

const IMAGES: &[(&str, &str)] = &[
    ("poster_24px_png", "013-poster-liberationsans-24px.png"),
    ("poster_12px_png", "001-poster-dejavusans-12px.png"),
    ("dark_16px_jpeg", "020-dark-liberationsans-16px.jpg"),
    // Text under 12 px: read twice (upscaled 2×).
    ("poster_9px_png", "025-poster-dejavusans-9px.png"),
];

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/corpus/images/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("corpus/images is committed")
}

fn bench(c: &mut Criterion) {
    let scanner = Scanner::new();
    let options = ImageOptions::default();
    let mut g = c.benchmark_group("image_1080");
    g.sample_size(10);
    g.throughput(Throughput::Elements(1));
    for (id, file) in IMAGES {
        let bytes = read(file);
        g.bench_function(format!("check/{id}"), |b| {
            b.iter(|| {
                check_image(&scanner, file, &bytes, &options)
                    .0
                    .findings
                    .len()
            })
        });
    }
    // The parts, on the 24 px poster.
    let bytes = read(IMAGES[0].1);
    g.bench_function("decode/poster_24px_png", |b| {
        b.iter(|| load(&bytes, &ImageLimits::default()).unwrap().width())
    });
    let img = load(&bytes, &ImageLimits::default()).unwrap();
    g.bench_function("ocr/poster_24px_png", |b| {
        b.iter(|| read_text(&img, &options, &Tesseract).unwrap().len())
    });
    let text = read_text(&img, &options, &Tesseract).unwrap()[0]
        .text
        .text
        .clone();
    g.bench_function("scan/poster_24px_png", |b| {
        b.iter(|| scanner.scan_text(&text).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
