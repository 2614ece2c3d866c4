//! A tolerant reader for XMP packets: the property values, nothing else.
//!
//! XMP is RDF in XML, written in two equivalent shapes: properties as
//! attributes of `rdf:Description` (`dc:creator="Anna"`) or as elements, with
//! values in `rdf:Seq`/`rdf:Bag`/`rdf:Alt` lists of `rdf:li`. Both give
//! `(property, value)` pairs here. Not a validating XML parser: it reads what
//! cameras and photo tools write and never fails, whatever the bytes.

/// At most this many bytes of one packet are read.
const MAX_PACKET: usize = 1 << 20;
/// Deeper nesting than this is not XMP anyone writes; the rest is skipped.
const MAX_DEPTH: usize = 64;

/// Properties `(qualified name, value)` in document order, entities decoded,
/// values trimmed and non-empty.
pub(crate) fn properties(packet: &str) -> Vec<(String, String)> {
    let mut packet = packet;
    if packet.len() > MAX_PACKET {
        let mut cut = MAX_PACKET;
        while !packet.is_char_boundary(cut) {
            cut -= 1;
        }
        packet = &packet[..cut];
    }
    let mut out = Vec::new();
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = packet;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if !text.trim().is_empty() {
            if let Some(owner) = stack.iter().rev().find(|n| is_property(n)) {
                out.push((owner.to_string(), decode(text.trim())));
            }
        }
        rest = &rest[lt..];
        let skip_to = |rest: &str, end: &str| rest.find(end).map_or(rest.len(), |i| i + end.len());
        if rest.starts_with("<!--") {
            rest = &rest[skip_to(rest, "-->")..];
            continue;
        }
        if rest.starts_with("<?") {
            rest = &rest[skip_to(rest, "?>")..];
            continue;
        }
        if rest.starts_with("<!") {
            rest = &rest[skip_to(rest, ">")..];
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if let Some(i) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(i);
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        for (attr, value) in attributes(&tag[name_end..]) {
            if is_property(attr) && !value.trim().is_empty() {
                out.push((attr.to_string(), decode(value.trim())));
            }
        }
        if !self_closing && stack.len() < MAX_DEPTH {
            stack.push(name);
        }
    }
    out
}

/// The `>` closing the tag that starts `s`, outside quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `name="value"` pairs (either quote); anything else is skipped.
fn attributes(mut s: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        let Some(eq) = s.find('=') else { break };
        let name = s[..eq].trim();
        let after = s[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(q) else {
            break;
        };
        out.push((name, &after[1..1 + close]));
        s = &after[close + 2..];
    }
    out
}

/// A property: a prefixed name outside the RDF, XML and namespace machinery.
fn is_property(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => {
            !local.is_empty()
                && !matches!(prefix, "rdf" | "x" | "xml" | "xmlns" | "stEvt" | "stRef")
        }
        None => false,
    }
}

/// Decodes the five named entities and numeric character references.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_of_xmp() {
        let packet = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
   exif:GPSLatitude="59,31.926N" aux:SerialNumber='0123456'>
  <dc:creator><rdf:Seq><rdf:li>Märta Öberg</rdf:li><rdf:li>Anna &amp; Bo</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Ring 070&#45;123 45 67</rdf:li></rdf:Alt></dc:description>
  <!-- <dc:creator>not this</dc:creator> -->
 </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let p = properties(packet);
        let get = |k: &str| {
            p.iter()
                .filter(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("dc:creator"), ["Märta Öberg", "Anna & Bo"]);
        assert_eq!(get("exif:GPSLatitude"), ["59,31.926N"]);
        assert_eq!(get("aux:SerialNumber"), ["0123456"]);
        assert_eq!(get("dc:description"), ["Ring 070-123 45 67"]);
        assert!(p
            .iter()
            .all(|(n, _)| !n.starts_with("rdf:") && !n.starts_with("xmlns")));
    }

    #[test]
    fn broken_xml_never_panics() {
        for s in [
            "<",
            "<a:b x='1",
            "<a:b>&#xFFFFFFFF;&#;&",
            "</a:b></c:d>text",
            "<a:b>é&amp",
            "<!--",
            "<?",
        ] {
            let _ = properties(s);
        }
        assert_eq!(decode("a &lt;b&gt; &unknown; &#229;"), "a <b> &unknown; å");
    }
}
