//! A JPEG with the metadata a phone writes (GPS, owner, serial, caption),
//! built in memory for the image tests.

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};

fn r(num: u32, denom: u32) -> Rational {
    Rational { num, denom }
}

/// A white 64×48 JPEG with EXIF: GPS 59°31'55.56"N 13°29'24.72"E (Forshaga),
/// Artist, CameraOwnerName, BodySerialNumber and an ImageDescription with a
/// phone number in it.
pub fn jpeg_with_exif() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(64, 48, image::Rgb([255, 255, 255]));
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    let ascii = |tag, s: &str| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![s.as_bytes().to_vec()]),
    };
    let fields = [
        ascii(Tag::Artist, "Märta Öberg"),
        ascii(Tag::CameraOwnerName, "Kalle Anka"),
        ascii(Tag::BodySerialNumber, "0123456789"),
        ascii(Tag::ImageDescription, "Ring Märta på 070-123 45 67"),
        ascii(Tag::GPSLatitudeRef, "N"),
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![r(59, 1), r(31, 1), r(5556, 100)]),
        },
        ascii(Tag::GPSLongitudeRef, "E"),
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![r(13, 1), r(29, 1), r(2472, 100)]),
        },
    ];
    let mut w = Writer::new();
    for f in &fields {
        w.push_field(f);
    }
    let mut tiff = std::io::Cursor::new(Vec::new());
    w.write(&mut tiff, false).unwrap();
    let tiff = tiff.into_inner();
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend(((tiff.len() + 8) as u16).to_be_bytes());
    app1.extend(b"Exif\0\0");
    app1.extend(tiff);
    jpeg.splice(2..2, app1);
    jpeg
}
