//! What an image file says about itself: EXIF, XMP, PNG text chunks and
//! JPEG comments, reduced to the fields that can carry personal data.
//!
//! Read from the file's bytes, independently of decoding the pixels, so a
//! truncated photo still has its GPS position reported.

use std::io::{Cursor, Read};

use super::xmp;

/// What a metadata field holds, which decides how it is reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// A person: the camera owner, artist, author, copyright holder, XMP
    /// creator or a person shown in the image.
    Person,
    /// Where the photo was taken, in decimal degrees.
    Location {
        /// Latitude, north positive.
        lat: f64,
        /// Longitude, east positive.
        lon: f64,
    },
    /// A camera or lens serial number: ties the photo to one device.
    Serial,
    /// Free text (descriptions, comments, titles, keywords): scanned like a
    /// draft.
    Text,
}

/// One metadata field that may carry personal data.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaField {
    /// Where it sits: `Exif.Artist`, `Exif.GPSInfo`, `Xmp.dc:creator`,
    /// `Png.Comment`, `Jpeg.Comment`.
    pub field: String,
    /// The value as text (for GPS: `lat, lon` in decimal degrees).
    pub value: String,
    /// How to treat it.
    pub role: Role,
}

/// Longest value kept from one field; longer text is cut at a char boundary.
const MAX_VALUE: usize = 64 << 10;
/// Most bytes a compressed PNG text chunk may inflate to.
const MAX_INFLATED: u64 = 1 << 20;

/// Reads every field of interest from an image file's bytes, in the order
/// EXIF, XMP, PNG text, JPEG comments. Unknown or broken containers give
/// what could be read, never an error.
pub fn read(bytes: &[u8]) -> Vec<MetaField> {
    let mut out = Vec::new();
    exif_fields(bytes, &mut out);
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_text(bytes, &mut out);
    } else {
        if let Some(packet) = find_xmp(bytes) {
            xmp_fields(&packet, &mut out);
        }
        if bytes.starts_with(&[0xFF, 0xD8]) {
            jpeg_comments(bytes, &mut out);
        }
    }
    out.retain(|f| !f.value.trim().is_empty());
    out
}

fn push(out: &mut Vec<MetaField>, field: String, value: String, role: Role) {
    let mut value = value.trim().to_string();
    if value.len() > MAX_VALUE {
        let mut cut = MAX_VALUE;
        while !value.is_char_boundary(cut) {
            cut -= 1;
        }
        value.truncate(cut);
    }
    let role = match role {
        Role::Person if looks_like_organisation(&value) => Role::Text,
        r => r,
    };
    out.push(MetaField { field, value, role });
}

/// A copyright holder or creator that is an organisation, not a person.
fn looks_like_organisation(value: &str) -> bool {
    let v = value.to_lowercase();
    [
        "kommun",
        "region",
        "län",
        " ab",
        "förening",
        "förbund",
        "stiftelse",
        "inc",
        "ltd",
        "gmbh",
        "all rights reserved",
        "creative commons",
        "cc by",
        "cc0",
    ]
    .iter()
    .any(|w| v.contains(w))
}

fn exif_fields(bytes: &[u8], out: &mut Vec<MetaField>) {
    use exif::{Context, In, Tag, Value};
    let Ok(data) = exif::Reader::new()
        .continue_on_error(true)
        .read_from_container(&mut Cursor::new(bytes))
        .or_else(|e| e.distill_partial_result(|_| {}))
    else {
        return;
    };
    let text_of = |v: &Value, tag: Tag| -> Option<String> {
        match v {
            Value::Ascii(parts) => Some(
                parts
                    .iter()
                    .map(|p| {
                        String::from_utf8_lossy(p)
                            .trim_end_matches('\0')
                            .to_string()
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            // Windows XP* tags: UCS-2 little endian.
            Value::Byte(b) if tag.number() >= 0x9c9b && tag.number() <= 0x9c9f => {
                let units: Vec<u16> = b
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .take_while(|u| *u != 0)
                    .collect();
                Some(String::from_utf16_lossy(&units))
            }
            // UserComment: an 8-byte character code, then the text.
            Value::Undefined(b, _) if b.len() >= 8 => {
                let (code, body) = b.split_at(8);
                let s = if code.starts_with(b"UNICODE") {
                    let units: Vec<u16> = body
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]]))
                        .take_while(|u| *u != 0)
                        .collect();
                    String::from_utf16_lossy(&units)
                } else {
                    String::from_utf8_lossy(body).to_string()
                };
                Some(s.trim_end_matches(['\0', ' ']).to_string())
            }
            _ => None,
        }
    };
    for f in data.fields() {
        if f.ifd_num != In::PRIMARY && f.ifd_num != In::THUMBNAIL {
            continue;
        }
        let (name, role) = match f.tag {
            Tag::Artist => ("Artist", Role::Person),
            Tag::Copyright => ("Copyright", Role::Person),
            Tag::CameraOwnerName => ("CameraOwnerName", Role::Person),
            Tag::BodySerialNumber => ("BodySerialNumber", Role::Serial),
            Tag::LensSerialNumber => ("LensSerialNumber", Role::Serial),
            Tag::ImageDescription => ("ImageDescription", Role::Text),
            Tag::UserComment => ("UserComment", Role::Text),
            Tag(Context::Tiff, 0x9c9b) => ("XPTitle", Role::Text),
            Tag(Context::Tiff, 0x9c9c) => ("XPComment", Role::Text),
            Tag(Context::Tiff, 0x9c9d) => ("XPAuthor", Role::Person),
            Tag(Context::Tiff, 0x9c9e) => ("XPKeywords", Role::Text),
            Tag(Context::Tiff, 0x9c9f) => ("XPSubject", Role::Text),
            _ => continue,
        };
        if f.ifd_num == In::THUMBNAIL {
            continue;
        }
        if let Some(v) = text_of(&f.value, f.tag) {
            push(out, format!("Exif.{name}"), v, role);
        }
    }
    let degrees = |tag: Tag, reference: Tag, negative: &[u8]| -> Option<f64> {
        let field = data.get_field(tag, In::PRIMARY)?;
        let Value::Rational(r) = &field.value else {
            return None;
        };
        let part = |i: usize| r.get(i).map(|x| x.to_f64()).filter(|x| x.is_finite());
        let d = part(0)? + part(1).unwrap_or(0.0) / 60.0 + part(2).unwrap_or(0.0) / 3600.0;
        let sign = match data.get_field(reference, In::PRIMARY).map(|f| &f.value) {
            Some(Value::Ascii(a))
                if a.first()
                    .and_then(|s| s.first())
                    .is_some_and(|c| negative.contains(c)) =>
            {
                -1.0
            }
            _ => 1.0,
        };
        Some(sign * d)
    };
    if let (Some(lat), Some(lon)) = (
        degrees(Tag::GPSLatitude, Tag::GPSLatitudeRef, b"Ss"),
        degrees(Tag::GPSLongitude, Tag::GPSLongitudeRef, b"Ww"),
    ) {
        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
            push(
                out,
                "Exif.GPSInfo".into(),
                format!("{lat:.6}, {lon:.6}"),
                Role::Location { lat, lon },
            );
        }
    }
}

/// The XMP packet in a JPEG, WebP, TIFF or GIF file: searched for by its
/// wrapper, as every container stores it uncompressed.
fn find_xmp(bytes: &[u8]) -> Option<String> {
    let start = memchr::memmem::find(bytes, b"<x:xmpmeta")?;
    let len = memchr::memmem::find(&bytes[start..], b"</x:xmpmeta>")
        .map_or(bytes.len() - start, |e| e + "</x:xmpmeta>".len());
    Some(String::from_utf8_lossy(&bytes[start..start + len]).into_owned())
}

fn xmp_fields(packet: &str, out: &mut Vec<MetaField>) {
    let mut lat = None;
    let mut lon = None;
    for (name, value) in xmp::properties(packet) {
        let local = name.split_once(':').map_or(name.as_str(), |(_, l)| l);
        let role = match local {
            "creator" | "rights" | "Owner" | "Artist" | "Author" | "CameraOwnerName"
            | "OwnerName" | "PersonInImage" => Role::Person,
            "SerialNumber" | "BodySerialNumber" | "LensSerialNumber" => Role::Serial,
            "GPSLatitude" => {
                lat = xmp_degrees(&value);
                continue;
            }
            "GPSLongitude" => {
                lon = xmp_degrees(&value);
                continue;
            }
            "description" | "title" | "subject" | "Headline" | "Caption" | "UserComment"
            | "Instructions" | "Credit" | "Source" | "Label" | "Event" | "Location"
            | "Sublocation" | "City" | "CiAdrExtadr" | "CiAdrCity" | "CiAdrPcode"
            | "CiEmailWork" | "CiTelWork" | "CiUrlWork" | "CaptionWriter" | "ImageDescription" => {
                Role::Text
            }
            _ => continue,
        };
        push(out, format!("Xmp.{name}"), value, role);
    }
    if let (Some(lat), Some(lon)) = (lat, lon) {
        push(
            out,
            "Xmp.exif:GPSInfo".into(),
            format!("{lat:.6}, {lon:.6}"),
            Role::Location { lat, lon },
        );
    }
}

/// XMP's GPS coordinate: `DDD,MM.mmmk` or `DDD,MM,SSk` with k in NSEW.
fn xmp_degrees(v: &str) -> Option<f64> {
    let v = v.trim();
    let dir = v.chars().last()?;
    let sign = match dir.to_ascii_uppercase() {
        'N' | 'E' => 1.0,
        'S' | 'W' => -1.0,
        _ => return None,
    };
    let body = &v[..v.len() - dir.len_utf8()];
    let mut parts = body.split(',').map(|p| p.trim().parse::<f64>().ok());
    let d = parts.next()??;
    let m = parts.next().flatten().unwrap_or(0.0);
    let s = parts.next().flatten().unwrap_or(0.0);
    let deg = sign * (d + m / 60.0 + s / 3600.0);
    deg.is_finite().then_some(deg)
}

/// PNG `tEXt`, `zTXt` and `iTXt` chunks (XMP lives in `iTXt` as
/// `XML:com.adobe.xmp`). Chunk CRCs are not checked: a bad CRC still
/// carries the text out to whoever reads the file.
fn png_text(bytes: &[u8], out: &mut Vec<MetaField>) {
    let mut at = 8;
    while at + 12 <= bytes.len() {
        let len =
            u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        let kind = &bytes[at + 4..at + 8];
        let Some(data) = bytes.get(at + 8..(at + 8).saturating_add(len)) else {
            break;
        };
        at = at + 12 + len;
        let (keyword, rest) = match memchr::memchr(0, data) {
            Some(i) => (&data[..i], &data[i + 1..]),
            None => continue,
        };
        let keyword = latin1(keyword);
        let text = match kind {
            b"tEXt" => Some(latin1(rest)),
            b"zTXt" => rest
                .split_first()
                .and_then(|(_, z)| inflate(z))
                .map(|t| latin1(&t)),
            b"iTXt" => itxt(rest),
            b"IEND" => break,
            _ => None,
        };
        let Some(text) = text else { continue };
        if keyword == "XML:com.adobe.xmp" {
            xmp_fields(&text, out);
            continue;
        }
        let role = match keyword.as_str() {
            "Author" | "Artist" => Role::Person,
            "Copyright" => Role::Person,
            "Software" | "Creation Time" => continue,
            k if k.starts_with("date:") || k.starts_with("Raw profile type") => continue,
            _ => Role::Text,
        };
        push(out, format!("Png.{keyword}"), text, role);
    }
}

/// An iTXt body after the keyword: flag, method, language, translated
/// keyword, then UTF-8 text (zlib-compressed when the flag is 1).
fn itxt(rest: &[u8]) -> Option<String> {
    let (&compressed, rest) = rest.split_first()?;
    let (_, rest) = rest.split_first()?;
    let lang_end = memchr::memchr(0, rest)?;
    let rest = &rest[lang_end + 1..];
    let tk_end = memchr::memchr(0, rest)?;
    let body = &rest[tk_end + 1..];
    let body = if compressed == 1 {
        inflate(body)?
    } else {
        body.to_vec()
    };
    Some(String::from_utf8_lossy(&body).into_owned())
}

fn inflate(z: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(z)
        .take(MAX_INFLATED)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// JPEG `COM` segments, read up to the start of the image data.
fn jpeg_comments(bytes: &[u8], out: &mut Vec<MetaField>) {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            break;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        if (0xD0..=0xD8).contains(&marker) || marker == 0x01 {
            at += 2;
            continue;
        }
        let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        if len < 2 {
            break;
        }
        let Some(data) = bytes.get(at + 4..at + 2 + len) else {
            break;
        };
        if marker == 0xFE {
            let text = match std::str::from_utf8(data) {
                Ok(s) => s.to_string(),
                Err(_) => latin1(data),
            };
            push(
                out,
                "Jpeg.Comment".into(),
                text.trim_end_matches('\0').to_string(),
                Role::Text,
            );
        }
        at += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    #[test]
    fn png_text_chunks() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"tEXt", b"Author\0Kalle Anka"));
        png.extend(chunk(b"tEXt", b"Software\0GIMP"));
        png.extend(chunk(b"tEXt", b"Copyright\0\xa9 Forshaga kommun"));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut z, b"Ring 070-123 45 67").unwrap();
        let mut ztxt = b"Comment\0\0".to_vec();
        ztxt.extend(z.finish().unwrap());
        png.extend(chunk(b"zTXt", &ztxt));
        png.extend(chunk(
            b"iTXt",
            b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><rdf:Description dc:creator=\"M\xc3\xa4rta\" exif:GPSLatitude=\"59,31.5N\" exif:GPSLongitude=\"13,29.4E\"/></x:xmpmeta>",
        ));
        png.extend(chunk(b"IEND", b""));
        let f = read(&png);
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|m| (m.field.as_str(), m.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Png.Author", "Kalle Anka"),
                ("Png.Copyright", "© Forshaga kommun"),
                ("Png.Comment", "Ring 070-123 45 67"),
                ("Xmp.dc:creator", "Märta"),
                ("Xmp.exif:GPSInfo", "59.525000, 13.490000"),
            ]
        );
        assert_eq!(f[0].role, Role::Person);
        assert_eq!(f[1].role, Role::Text, "an organisation is not a person");
    }

    #[test]
    fn jpeg_comment_and_xmp() {
        let mut jpg = vec![0xFF, 0xD8];
        let com = b"Foto: Anna Lindqvist";
        jpg.extend([0xFF, 0xFE]);
        jpg.extend(((com.len() + 2) as u16).to_be_bytes());
        jpg.extend(com);
        let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>Bo Ek</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>";
        jpg.extend([0xFF, 0xE1]);
        jpg.extend(((xmp.len() + 2) as u16).to_be_bytes());
        jpg.extend(xmp);
        jpg.extend([0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
        let f = read(&jpg);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (f[0].field.as_str(), f[0].value.as_str()),
            ("Xmp.dc:creator", "Bo Ek")
        );
        assert_eq!(f[1].field, "Jpeg.Comment");
    }

    #[test]
    fn xmp_coordinates() {
        assert_eq!(xmp_degrees("59,30N"), Some(59.5));
        assert_eq!(xmp_degrees("13,30,0W"), Some(-13.5));
        assert_eq!(xmp_degrees("north"), None);
        assert_eq!(xmp_degrees(""), None);
    }

    #[test]
    fn garbage_gives_nothing() {
        for b in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n\xff\xff\xff\xff",
            b"\xff\xd8\xff\xfe\x00",
            b"<x:xmpmeta",
        ] {
            assert!(read(b).is_empty());
        }
    }
}
