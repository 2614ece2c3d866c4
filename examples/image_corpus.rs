//! Writes the labelled image set in `corpus/images/`: posts from
//! `corpus/labelled.jsonl` rendered as posters, dark-mode cards and
//! photographed sheets of paper, plus screenshot-like forms and lists made
//! from the corpus's labelled values, each with its gold findings in
//! `corpus/images/gold.jsonl`.
//!
//! Deterministic: the same fonts and crate versions give the same files.
//! Fonts come from Debian packages (fonts-dejavu-core, fonts-liberation2,
//! fonts-crosextra-carlito, fonts-freefont-ttf); they are only read here,
//! never shipped. Run:
//!
//! ```text
//! cargo run --release --example image_corpus -- corpus/labelled.jsonl corpus/images
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ab_glyph::{FontVec, PxScale};
use image::{Rgb, RgbImage};
use imageproc::drawing::{draw_filled_rect_mut, draw_text_mut, text_size};
use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
use imageproc::rect::Rect;
use postvakt::eval::{parse_gold_lines, GoldEntity, GoldRecord};
use postvakt::generate::SplitMix64;
use postvakt::Kind;
use serde::Serialize;

const FONTS: &[(&str, &str)] = &[
    ("DejaVuSans", "dejavu/DejaVuSans.ttf"),
    ("LiberationSerif", "liberation2/LiberationSerif-Regular.ttf"),
    ("Carlito", "crosextra/Carlito-Regular.ttf"),
    ("FreeSans", "freefont/FreeSans.ttf"),
    ("DejaVuSerif", "dejavu/DejaVuSerif.ttf"),
    ("LiberationSans", "liberation2/LiberationSans-Regular.ttf"),
    ("DejaVuSansMono", "dejavu/DejaVuSansMono.ttf"),
];
/// Text heights in pixels, the issue's floor (12 px) and up.
const SIZES: &[f32] = &[12.0, 14.0, 16.0, 20.0, 24.0, 32.0];

#[derive(Serialize)]
struct ImageGold {
    id: String,
    image: String,
    text: String,
    entities: Vec<GoldEntity>,
    tags: Vec<String>,
}

struct Fonts(Vec<(&'static str, FontVec)>);

impl Fonts {
    fn load() -> Fonts {
        let root = Path::new("/usr/share/fonts/truetype");
        Fonts(
            FONTS
                .iter()
                .map(|(name, file)| {
                    let bytes = std::fs::read(root.join(file)).unwrap_or_else(|e| {
                        panic!("{file}: {e} (apt-get install fonts-dejavu-core fonts-liberation2 fonts-crosextra-carlito fonts-freefont-ttf)")
                    });
                    (*name, FontVec::try_from_vec(bytes).expect("a TrueType font"))
                })
                .collect(),
        )
    }
}

/// Lines of text to draw; entity spans index `text` (lines joined by '\n').
struct Page {
    text: String,
    entities: Vec<GoldEntity>,
}

impl Page {
    fn new() -> Page {
        Page {
            text: String::new(),
            entities: Vec::new(),
        }
    }

    /// Appends a line made of parts; `Some(kind)` parts are gold entities.
    fn line(&mut self, parts: &[(&str, Option<Kind>)]) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        for (s, kind) in parts {
            let start = self.text.len();
            self.text.push_str(s);
            if let Some(kind) = kind {
                self.entities.push(GoldEntity {
                    kind: *kind,
                    start,
                    end: self.text.len(),
                    tags: Vec::new(),
                });
            }
        }
    }
}

/// Wraps a record's text to `width` pixels, keeping entity spans (an entity
/// may wrap: that is a case OCR boxes must handle).
fn wrap(rec: &GoldRecord, font: &FontVec, scale: PxScale, width: u32) -> Page {
    let mut page = Page {
        text: String::new(),
        entities: Vec::new(),
    };
    let mut map = vec![0usize; rec.text.len() + 1];
    let mut line = String::new();
    let mut at = 0;
    for para in rec.text.split('\n') {
        for word in para.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && text_size(scale, font, &candidate).0 > width {
                page.text.push_str(&line);
                page.text.push('\n');
                line.clear();
            }
            let base = page.text.len() + line.len() + usize::from(!line.is_empty());
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            for i in 0..=word.len() {
                map[at + i] = base + i;
            }
            at += word.len() + 1;
        }
        page.text.push_str(&line);
        page.text.push('\n');
        line.clear();
    }
    page.text.pop();
    for e in &rec.entities {
        page.entities.push(GoldEntity {
            kind: e.kind,
            start: map[e.start],
            end: map[e.end],
            tags: e.tags.clone(),
        });
    }
    page
}

fn draw_lines(
    img: &mut RgbImage,
    page: &Page,
    font: &FontVec,
    scale: PxScale,
    color: Rgb<u8>,
    x: i32,
    y: i32,
) {
    let step = (scale.y * 1.45).round() as i32;
    for (i, l) in page.text.lines().enumerate() {
        draw_text_mut(img, color, x, y + i as i32 * step, scale, font, l);
    }
}

fn block_height(page: &Page, scale: PxScale) -> i32 {
    (page.text.lines().count() as f32 * scale.y * 1.45).round() as i32
}

fn noise(img: &mut RgbImage, rng: &mut SplitMix64, amount: i32) {
    for p in img.pixels_mut() {
        let n = rng.below((2 * amount + 1) as usize) as i32 - amount;
        for c in p.0.iter_mut() {
            *c = (i32::from(*c) + n).clamp(0, 255) as u8;
        }
    }
}

fn save(img: &RgbImage, path: &Path, jpeg_quality: Option<u8>) {
    let mut out = Vec::new();
    match jpeg_quality {
        Some(q) => image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, q)
            .encode_image(img)
            .unwrap(),
        None => img
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap(),
    }
    std::fs::write(path, out).unwrap();
}

/// A post on a plain background, 1080 × 1080.
fn poster(
    page: &Page,
    font: &FontVec,
    scale: PxScale,
    rng: &mut SplitMix64,
    dark: bool,
) -> RgbImage {
    let backgrounds = [
        [255, 255, 255],
        [255, 249, 219],
        [228, 240, 252],
        [232, 246, 233],
    ];
    let (bg, fg) = if dark {
        (Rgb([30, 30, 46]), Rgb([235, 235, 240]))
    } else {
        (
            Rgb(backgrounds[rng.below(backgrounds.len())]),
            Rgb([25, 25, 35]),
        )
    };
    let mut img = RgbImage::from_pixel(1080, 1080, bg);
    let y = ((1080 - block_height(page, scale)) / 2).max(40);
    draw_lines(&mut img, page, font, scale, fg, 70, y);
    img
}

/// A sheet of paper photographed on a table: tilted, blurred, noisy JPEG.
fn paper(page: &Page, font: &FontVec, scale: PxScale, rng: &mut SplitMix64) -> RgbImage {
    let mut sheet = RgbImage::from_pixel(1080, 810, Rgb([92, 74, 60]));
    draw_filled_rect_mut(
        &mut sheet,
        Rect::at(90, 50).of_size(900, 710),
        Rgb([244, 241, 232]),
    );
    draw_lines(&mut sheet, page, font, scale, Rgb([35, 35, 40]), 140, 100);
    let degrees = (rng.below(50) as f32 / 10.0) - 2.5;
    let tilted = rotate_about_center(
        &sheet,
        degrees.to_radians(),
        Interpolation::Bilinear,
        Border::Constant(Rgb([92, 74, 60])),
    );
    let sigma = 0.4 + rng.below(5) as f32 / 10.0;
    let mut img = image::imageops::blur(&tilted, sigma);
    noise(&mut img, rng, 6);
    img
}

/// A form screenshot: header bar, labels, input boxes with values.
fn form(
    rows: &[(&str, &str, Option<Kind>)],
    title: &str,
    font: &FontVec,
    scale: PxScale,
) -> (RgbImage, Page) {
    let row_h = (scale.y * 3.2) as i32;
    let height = (160 + rows.len() as i32 * row_h + 60) as u32;
    let mut img = RgbImage::from_pixel(1080, height, Rgb([243, 244, 246]));
    draw_filled_rect_mut(
        &mut img,
        Rect::at(0, 0).of_size(1080, 90),
        Rgb([0, 84, 147]),
    );
    let title_scale = PxScale::from(scale.y.max(20.0) * 1.3);
    draw_text_mut(
        &mut img,
        Rgb([255, 255, 255]),
        40,
        28,
        title_scale,
        font,
        title,
    );
    let mut page = Page::new();
    page.line(&[(title, None)]);
    for (i, (label, value, kind)) in rows.iter().enumerate() {
        let y = 130 + i as i32 * row_h;
        draw_text_mut(&mut img, Rgb([70, 70, 80]), 40, y, scale, font, label);
        let box_y = y + (scale.y * 1.3) as i32;
        draw_filled_rect_mut(
            &mut img,
            Rect::at(40, box_y).of_size(1000, (scale.y * 1.7) as u32),
            Rgb([255, 255, 255]),
        );
        draw_text_mut(
            &mut img,
            Rgb([20, 20, 20]),
            52,
            box_y + (scale.y * 0.3) as i32,
            scale,
            font,
            value,
        );
        page.line(&[(label, None)]);
        page.line(&[(value, *kind)]);
    }
    (img, page)
}

/// Values of one kind from the labelled corpus, in corpus order.
fn pool(records: &[GoldRecord], kind: Kind, pred: impl Fn(&str) -> bool) -> Vec<String> {
    let mut v: Vec<String> = records
        .iter()
        .flat_map(|r| {
            r.entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| r.text[e.start..e.end].to_string())
        })
        .filter(|s| pred(s))
        .collect();
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gold_path = args.first().map_or("corpus/labelled.jsonl", String::as_str);
    let out_dir = PathBuf::from(args.get(1).map_or("corpus/images", String::as_str));
    let records = parse_gold_lines(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let fonts = Fonts::load();
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut rng = SplitMix64::new(0x5EED_1A6E);
    let mut gold = String::new();
    let mut n = 0usize;
    let mut emit = |variant: &str,
                    font: &str,
                    px: f32,
                    img: &RgbImage,
                    page: Page,
                    jpeg: Option<u8>,
                    extra: &[&str]| {
        n += 1;
        let ext = if jpeg.is_some() { "jpg" } else { "png" };
        let name = format!(
            "{n:03}-{variant}-{}-{}px.{ext}",
            font.to_lowercase(),
            px as u32
        );
        save(img, &out_dir.join(&name), jpeg);
        let mut tags = vec![
            variant.to_string(),
            format!("px{}", px as u32),
            font.to_string(),
        ];
        tags.extend(extra.iter().map(|s| s.to_string()));
        let rec = ImageGold {
            id: format!("img-{n:03}"),
            image: name,
            text: page.text,
            entities: page.entities,
            tags,
        };
        let _ = writeln!(gold, "{}", serde_json::to_string(&rec).unwrap());
    };

    // Posts with identity numbers, phones or e-mail, and clean posts as decoys.
    let target = |r: &GoldRecord| {
        r.entities.iter().any(|e| {
            matches!(
                e.kind,
                Kind::Personnummer | Kind::Samordningsnummer | Kind::Phone | Kind::Email
            )
        })
    };
    let short = |r: &&GoldRecord| r.text.len() <= 380 && !r.text.contains("{{");
    let with: Vec<&GoldRecord> = records.iter().filter(|r| target(r)).filter(short).collect();
    let clean: Vec<&GoldRecord> = records
        .iter()
        .filter(|r| r.entities.is_empty() && r.text.chars().any(|c| c.is_ascii_digit()))
        .filter(short)
        .collect();
    let mut picks: Vec<(&GoldRecord, bool)> = Vec::new();
    for i in 0..18 {
        picks.push((with[(i * 37 + 5) % with.len()], true));
    }
    for i in 0..6 {
        picks.push((clean[(i * 29 + 3) % clean.len()], false));
    }
    for (i, (rec, has)) in picks.iter().enumerate() {
        let (fname, font) = &fonts.0[i % fonts.0.len()];
        // Each variant goes through every size.
        let px = SIZES[(i / 3 + (i % 3) * 2) % SIZES.len()];
        let scale = PxScale::from(px);
        let kind_tag = if *has { "post" } else { "decoy" };
        match i % 3 {
            0 => {
                let page = wrap(rec, font, scale, 1080 - 140);
                let img = poster(&page, font, scale, &mut rng, false);
                emit("poster", fname, px, &img, page, None, &[kind_tag]);
            }
            1 => {
                let page = wrap(rec, font, scale, 1080 - 140);
                let img = poster(&page, font, scale, &mut rng, true);
                emit("dark", fname, px, &img, page, Some(80), &[kind_tag]);
            }
            _ => {
                let page = wrap(rec, font, scale, 800);
                let img = paper(&page, font, scale, &mut rng);
                emit("paper", fname, px, &img, page, Some(70), &[kind_tag]);
            }
        }
    }

    // Text below the 12 px floor: what upscaling is for.
    for (i, px) in [9.0f32, 10.0, 9.0, 10.0, 11.0, 11.0]
        .into_iter()
        .enumerate()
    {
        let rec = with[(i * 23 + 11) % with.len()];
        let (fname, font) = &fonts.0[i % fonts.0.len()];
        let scale = PxScale::from(px);
        if i % 2 == 0 {
            let page = wrap(rec, font, scale, 1080 - 140);
            let img = poster(&page, font, scale, &mut rng, false);
            emit("poster", fname, px, &img, page, None, &["post", "tiny"]);
        } else {
            let page = wrap(rec, font, scale, 800);
            let img = paper(&page, font, scale, &mut rng);
            emit("paper", fname, px, &img, page, Some(70), &["post", "tiny"]);
        }
    }

    // Screenshot-like forms and lists from the corpus's labelled values.
    let names = pool(&records, Kind::Name, |s| s.contains(' ') && s.len() < 30);
    let pnrs = pool(&records, Kind::Personnummer, |s| s.len() >= 11);
    let phones = pool(&records, Kind::Phone, |_| true);
    let emails = pool(&records, Kind::Email, |s| !s.starts_with("info@"));
    let addresses = pool(&records, Kind::Address, |s| s.len() < 40);
    eprintln!(
        "pools: {} names, {} personnummer, {} phones, {} e-mail, {} addresses",
        names.len(),
        pnrs.len(),
        phones.len(),
        emails.len(),
        addresses.len()
    );
    for i in 0..7 {
        let (fname, font) = &fonts.0[(i + 2) % fonts.0.len()];
        let px = SIZES[(i * 2 + 1) % SIZES.len()].max(14.0);
        let pick = |v: &Vec<String>, k: usize| v[(i * 7 + k) % v.len()].clone();
        let (name, pnr, phone, email, address) = (
            pick(&names, 1),
            pick(&pnrs, 2),
            pick(&phones, 3),
            pick(&emails, 4),
            pick(&addresses, 5),
        );
        let case = format!("KS {}/{}", 2023 + i % 3, 100 + i * 37);
        let date = format!("2025-0{}-1{}", 1 + i % 9, i % 10);
        let mut rows: Vec<(&str, &str, Option<Kind>)> = vec![
            ("Namn", &name, Some(Kind::Name)),
            ("Personnummer", &pnr, Some(Kind::Personnummer)),
            ("Telefon", &phone, Some(Kind::Phone)),
            ("E-post", &email, Some(Kind::Email)),
            ("Adress", &address, Some(Kind::Address)),
            ("Ärendenummer", &case, None),
            ("Datum", &date, None),
        ];
        rows.rotate_left(i % 3);
        let (img, page) = form(&rows, "Anmälan till kulturskolan", font, PxScale::from(px));
        emit("form", fname, px, &img, page, None, &["screenshot"]);
    }
    for i in 0..5 {
        let (fname, font) = &fonts.0[(i + 4) % fonts.0.len()];
        let px = SIZES[(i * 3 + 2) % SIZES.len()];
        let scale = PxScale::from(px);
        let mut page = Page::new();
        page.line(&[("Deltagare, simskola vecka 27 (kl. 10.00-11.30)", None)]);
        let owned: Vec<(String, String)> = (0..6)
            .map(|k| {
                let contact = if (i + k) % 2 == 0 {
                    phones[(i * 11 + k * 3) % phones.len()].clone()
                } else {
                    emails[(i * 5 + k) % emails.len()].clone()
                };
                (names[(i * 13 + k * 5) % names.len()].clone(), contact)
            })
            .collect();
        for (k, (name, contact)) in owned.iter().enumerate() {
            let kind = if contact.contains('@') {
                Kind::Email
            } else {
                Kind::Phone
            };
            let no = format!("{}. ", k + 1);
            page.line(&[
                (&no, None),
                (name, Some(Kind::Name)),
                (", ", None),
                (contact, Some(kind)),
            ]);
        }
        page.line(&[("Avgift 450 kr, bankgiro 5050-1055.", None)]);
        let height = (block_height(&page, scale) + 120).max(300) as u32;
        let mut img = RgbImage::from_pixel(1080, height, Rgb([255, 255, 255]));
        draw_lines(&mut img, &page, font, scale, Rgb([20, 20, 20]), 50, 60);
        emit("list", fname, px, &img, page, None, &["screenshot"]);
    }
    // A few real-looking ones, with texts written here: a scanned letter, a
    // chat screenshot, and a notice board photographed with notes at angles.
    let dejavu = &fonts.0[0].1;
    let serif = &fonts.0[1].1;
    let carlito = &fonts.0[2].1;
    let (img, page) = letter(serif, &mut rng);
    emit(
        "letter",
        "LiberationSerif",
        20.0,
        &img,
        page,
        Some(75),
        &["real_looking"],
    );
    let (img, page) = chat(dejavu);
    emit(
        "chat",
        "DejaVuSans",
        24.0,
        &img,
        page,
        None,
        &["real_looking", "screenshot"],
    );
    let (img, page) = notice_board(carlito, &mut rng);
    emit(
        "board",
        "Carlito",
        26.0,
        &img,
        page,
        Some(80),
        &["real_looking"],
    );
    std::fs::write(out_dir.join("gold.jsonl"), gold).unwrap();
    eprintln!("wrote {n} images and gold.jsonl to {}", out_dir.display());
}

/// A line of text in parts; `Some(kind)` parts are gold entities.
type Parts<'a> = &'a [(&'a str, Option<Kind>)];

/// Draws `page` line by line at `x`, `y` with a line step of 1.45 × size.
fn draw_page(img: &mut RgbImage, page: &Page, font: &FontVec, px: f32, x: i32, y: i32) {
    draw_lines(img, page, font, PxScale::from(px), Rgb([25, 25, 30]), x, y);
}

/// A decision letter as scanned: letterhead, address block, body, signature.
fn letter(font: &FontVec, rng: &mut SplitMix64) -> (RgbImage, Page) {
    let mut img = RgbImage::from_pixel(1080, 1400, Rgb([250, 249, 245]));
    draw_filled_rect_mut(
        &mut img,
        Rect::at(70, 60).of_size(60, 60),
        Rgb([0, 84, 147]),
    );
    let mut page = Page::new();
    page.line(&[("Forshaga kommun", None)]);
    page.line(&[("Socialförvaltningen", None)]);
    page.line(&[("", None)]);
    page.line(&[("Märta Öberg", Some(Kind::Name))]);
    // Street, postal code and town: one address over two lines.
    let start = page.text.len() + 1;
    page.line(&[("Åsgatan 12", None)]);
    page.line(&[("652 25 Karlstad", None)]);
    page.entities.push(GoldEntity {
        kind: Kind::Address,
        start,
        end: page.text.len(),
        tags: Vec::new(),
    });
    page.line(&[("", None)]);
    page.line(&[("Datum 2025-03-14    Dnr SN 2025/112", None)]);
    page.line(&[("", None)]);
    page.line(&[
        ("Biståndsbeslut", Some(Kind::Confidential)),
        (" om hemtjänst", None),
    ]);
    page.line(&[
        ("Personnummer: ", None),
        ("19460823-9986", Some(Kind::Personnummer)),
    ]);
    page.line(&[
        ("Du har ", None),
        ("beviljats hemtjänst", Some(Kind::Confidential)),
        (" enligt socialtjänstlagen", None),
    ]);
    page.line(&[(
        "4 kap. 1 § med sex timmar i veckan från och med 1 april.",
        None,
    )]);
    page.line(&[("Beslutet kan överklagas, se bilaga.", None)]);
    page.line(&[("", None)]);
    page.line(&[("Med vänlig hälsning", None)]);
    page.line(&[("Sara Lundqvist", Some(Kind::Name))]);
    page.line(&[
        ("Biståndshandläggare, telefon ", None),
        ("054-17 20 00", Some(Kind::Phone)),
    ]);
    draw_page(&mut img, &page, font, 20.0, 150, 70);
    let tilted = rotate_about_center(
        &img,
        0.8f32.to_radians(),
        Interpolation::Bilinear,
        Border::Constant(Rgb([250, 249, 245])),
    );
    let mut img = image::imageops::blur(&tilted, 0.5);
    noise(&mut img, rng, 5);
    (img, page)
}

/// A phone screenshot of a chat with names above the bubbles.
fn chat(font: &FontVec) -> (RgbImage, Page) {
    let mut img = RgbImage::from_pixel(750, 1334, Rgb([255, 255, 255]));
    draw_filled_rect_mut(
        &mut img,
        Rect::at(0, 0).of_size(750, 110),
        Rgb([245, 245, 247]),
    );
    draw_text_mut(
        &mut img,
        Rgb([0, 0, 0]),
        260,
        45,
        PxScale::from(30.0),
        font,
        "Meddelanden",
    );
    let messages: [(&str, Parts, bool); 4] = [
        ("Lisa Andersson", &[("Hej! Kan du skicka", None)], false),
        (
            "",
            &[
                ("numret till ", None),
                ("Omar", Some(Kind::Name)),
                (" också?", None),
            ],
            false,
        ),
        (
            "Du",
            &[("Ja, det är ", None), ("070-174 06 12", Some(Kind::Phone))],
            true,
        ),
        ("Lisa Andersson", &[("Tack! Och hans pnr?", None)], false),
    ];
    let mut page = Page::new();
    page.line(&[("Meddelanden", None)]);
    let mut y = 150;
    for (sender, parts, mine) in messages {
        if !sender.is_empty() {
            let kind = (sender != "Du").then_some(Kind::Name);
            draw_text_mut(
                &mut img,
                Rgb([110, 110, 115]),
                if mine { 420 } else { 40 },
                y,
                PxScale::from(20.0),
                font,
                sender,
            );
            page.line(&[(sender, kind)]);
            y += 32;
        }
        let line: String = parts.iter().map(|(s, _)| *s).collect();
        let (w, _) = text_size(PxScale::from(24.0), font, &line);
        let x = if mine { 710 - w as i32 - 30 } else { 40 };
        let (bg, fg) = if mine {
            (Rgb([10, 132, 255]), Rgb([255, 255, 255]))
        } else {
            (Rgb([233, 233, 235]), Rgb([0, 0, 0]))
        };
        draw_filled_rect_mut(&mut img, Rect::at(x, y).of_size(w + 40, 56), bg);
        draw_text_mut(
            &mut img,
            fg,
            x + 20,
            y + 14,
            PxScale::from(24.0),
            font,
            &line,
        );
        page.line(parts);
        y += 90;
    }
    (img, page)
}

/// A cork board with three notes pinned at small angles.
fn notice_board(font: &FontVec, rng: &mut SplitMix64) -> (RgbImage, Page) {
    let cork = Rgb([168, 124, 78]);
    let mut img = RgbImage::from_pixel(1080, 1080, cork);
    noise(&mut img, rng, 14);
    let notes: [(&[Parts], i64, i64, f32); 3] = [
        (
            &[
                &[("Borttappad katt!", None)],
                &[("Svart med vit tass.", None)],
                &[("Ring ", None), ("Ulrika", Some(Kind::Name))],
                &[("070-174 06 30", Some(Kind::Phone))],
            ],
            60,
            80,
            -3.0,
        ),
        (
            &[
                &[("Säljes: barnvagn", None)],
                &[("500 kr. Hämtas på", None)],
                &[("Storgatan 14", Some(Kind::Address))],
            ],
            560,
            140,
            2.5,
        ),
        (
            &[
                &[("Städdag lördag", None)],
                &[("kl 10-14 vid", None)],
                &[("tvättstugan.", None)],
                &[("/Styrelsen", None)],
            ],
            300,
            600,
            -1.5,
        ),
    ];
    let mut page = Page::new();
    for (k, (lines, x, y, degrees)) in notes.iter().enumerate() {
        let mut note = RgbImage::from_pixel(420, 330, Rgb([255, 253, 208 - 20 * k as u8]));
        let mut sub = Page::new();
        for l in lines.iter() {
            sub.line(l);
        }
        draw_page(&mut note, &sub, font, 30.0, 30, 40);
        let tilted = rotate_about_center(
            &note,
            degrees.to_radians(),
            Interpolation::Bilinear,
            Border::Constant(cork),
        );
        image::imageops::overlay(&mut img, &tilted, *x, *y);
        // Notes are separate blocks in the gold text.
        if !page.text.is_empty() {
            page.text.push_str("\n\n");
        }
        let base = page.text.len();
        for mut e in sub.entities {
            e.start += base;
            e.end += base;
            page.entities.push(e);
        }
        page.text.push_str(&sub.text);
    }
    let img = image::imageops::blur(&img, 0.6);
    (img, page)
}
