use postvakt::eval::parse_gold;
use std::time::Instant;
fn main() {
    let src = include_str!("../corpus/labelled.jsonl");
    let pool: Vec<_> = src
        .lines()
        .enumerate()
        .map(|(i, l)| parse_gold(i + 1, l.as_bytes()).unwrap())
        .collect();
    let posts: Vec<String> = postvakt::generate::generate(&pool, 5_000, 1)
        .map(|r| r.text)
        .collect();
    let bytes: usize = posts.iter().map(String::len).sum();
    let pats = [
        (
            "pnr",
            r"(?-u:([0-9]{8}|[0-9]{6}))(-|\+| |\x{a0}|\x{2013}|\x{2011}|\x{2212})?(?-u:([0-9]{4}))",
        ),
        (
            "anchor",
            r"(?i:gatan|vägen|gata|väg|gränden|gränd|stigen|stig|backen|backe|alléen|allén|allé|torget|torg|platsen|leden|stråket|slingan|kajen|kaj|liden|höjden|udden|promenaden|esplanaden|kroken|svängen|bryggan|gården)[\ \x{a0}]+[0-9]",
        ),
        (
            "pobox",
            r"(?-u:\b)(?:Box|BOX|Postbox|Pl)\ +[0-9]{1,5}(?-u:\b)",
        ),
        ("postal", r"(?-u:\b)[1-9][0-9]{2}\ ?[0-9]{2}\ +"),
        (
            "iban",
            r"(?-u:\b)[A-Z]{2}[0-9]{2}(?:\ ?[A-Z0-9]{4}){2,7}(?:\ ?[A-Z0-9]{1,3})?(?-u:\b)",
        ),
        (
            "sweacct",
            r"(?-u:\b)[1-9][0-9]{3}(?:-[0-9])?(?:\ ?[-,]\ ?|\ )[0-9]{1,4}(?:[\ \-]?[0-9]{1,4}){1,4}(?-u:\b)",
        ),
        (
            "plate",
            r"(?-u:\b)[A-HJ-PR-UW-Z]{3}\ ?[0-9]{2}[0-9A-HJ-PR-UW-Z](?-u:\b)",
        ),
    ];
    for (name, p) in pats {
        let re = regex::Regex::new(p).unwrap();
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..10 {
            for p in &posts {
                n += re.find_iter(p).count();
            }
        }
        let e = t.elapsed().as_secs_f64() / 10.0;
        println!(
            "{name}: {:.0} MB/s, {} matches",
            bytes as f64 / e / 1e6,
            n / 10
        );
    }
}
