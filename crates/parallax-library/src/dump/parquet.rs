//! The JSON Lines records as a Parquet file, one article a row, for pandas, Spark and DuckDB:
//! `id, outlet, title, published, text` and every other field of a line as a column of its own,
//! and what is nested (tags, corrections, alignment corrections, outlet groups, notes, shared
//! passages) as one JSON column, `extras`, holding those fields as the line holds them. So a
//! row and a line carry the same record, and `load` reads either losslessly.
//!
//! `published` stays a string: a date (`2025-11-20`) and a date-time (`2025-11-20T09:15:00Z`)
//! say different things about when a report came out, and a timestamp column would lose which.
//! A file written by pandas or Spark loads too: timestamps and dates become ISO 8601, a list of
//! strings becomes `tags`, and an `id` that is not a number is ignored (a load gives new ids).

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::basic::{LogicalType, TimeUnit};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::Field;
use serde_json::{Map, Value};

use super::{each_article, write_error, Record};
use crate::Error;

/// Rows written in one row group: a few megabytes of text, read back a group at a time.
const ROW_GROUP: usize = 2048;

/// The JSON column holding a record's nested fields.
const EXTRAS: &str = "extras";

/// A column's Parquet type.
#[derive(Clone, Copy)]
enum Kind {
    Integer,
    Text,
    Flag,
}

/// The columns, in order: each a field of [`super::DumpedArticle`] of the same name.
const COLUMNS: [(&str, Kind); 17] = [
    ("id", Kind::Integer),
    ("outlet", Kind::Text),
    ("title", Kind::Text),
    ("published", Kind::Text),
    ("text", Kind::Text),
    ("byline", Kind::Text),
    ("url", Kind::Text),
    ("language", Kind::Text),
    ("path", Kind::Text),
    ("format", Kind::Text),
    ("word_count", Kind::Integer),
    ("content_hash", Kind::Text),
    ("imported", Kind::Text),
    ("event", Kind::Integer),
    ("event_title", Kind::Text),
    ("event_named_by_user", Kind::Flag),
    ("placed_by_user", Kind::Flag),
];

/// The file's schema: every column optional, strings UTF-8.
fn schema() -> String {
    let mut schema = String::from("message article {\n");
    for (name, kind) in COLUMNS {
        schema += &match kind {
            Kind::Integer => format!("  OPTIONAL INT64 {name};\n"),
            Kind::Text => format!("  OPTIONAL BYTE_ARRAY {name} (UTF8);\n"),
            Kind::Flag => format!("  OPTIONAL BOOLEAN {name};\n"),
        };
    }
    schema += &format!("  OPTIONAL BYTE_ARRAY {EXTRAS} (UTF8);\n}}\n");
    schema
}

fn parquet_error(e: parquet::errors::ParquetError) -> Error {
    write_error("the Parquet export", e)
}

/// Writes every article as one Parquet file; returns how many.
pub(crate) fn dump(
    connection: &rusqlite::Connection,
    out: &mut (dyn Write + Send),
) -> Result<usize, Error> {
    let schema = Arc::new(
        parquet::schema::parser::parse_message_type(&schema()).expect("the schema is valid"),
    );
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("parallax {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let mut writer = SerializedFileWriter::new(out, schema, properties).map_err(parquet_error)?;
    let mut rows: Vec<Map<String, Value>> = Vec::with_capacity(ROW_GROUP);
    let count = each_article(connection, &mut |article| {
        let Value::Object(fields) = serde_json::to_value(&article).expect("an article serialises")
        else {
            unreachable!("an article serialises as an object")
        };
        rows.push(fields);
        if rows.len() == ROW_GROUP {
            write_row_group(&mut writer, &mut rows)?;
        }
        Ok(())
    })?;
    if !rows.is_empty() || count == 0 {
        write_row_group(&mut writer, &mut rows)?;
    }
    writer.close().map_err(parquet_error)?;
    Ok(count)
}

/// Writes `rows` as one row group, column by column, and empties it.
fn write_row_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    rows: &mut Vec<Map<String, Value>>,
) -> Result<(), Error> {
    let mut group = writer.next_row_group().map_err(parquet_error)?;
    let mut column = 0;
    while let Some(mut writer) = group.next_column().map_err(parquet_error)? {
        // The nested fields go last, once the columns have taken theirs out of each row.
        let (name, kind) = COLUMNS.get(column).copied().unwrap_or((EXTRAS, Kind::Text));
        let values: Vec<Value> = if name == EXTRAS {
            rows.iter_mut()
                .map(|row| {
                    let rest: Map<String, Value> = std::mem::take(row)
                        .into_iter()
                        .filter(|(_, value)| match value {
                            // What a load takes as empty when missing is left out.
                            Value::Null => false,
                            Value::Array(items) => !items.is_empty(),
                            Value::Object(fields) => !fields.is_empty(),
                            _ => true,
                        })
                        .collect();
                    if rest.is_empty() {
                        Value::Null
                    } else {
                        Value::String(Value::Object(rest).to_string())
                    }
                })
                .collect()
        } else {
            rows.iter_mut()
                .map(|row| row.remove(name).unwrap_or(Value::Null))
                .collect()
        };
        let levels: Vec<i16> = values.iter().map(|v| i16::from(!v.is_null())).collect();
        match kind {
            Kind::Integer => {
                let present: Vec<i64> = values.iter().filter_map(Value::as_i64).collect();
                writer
                    .typed::<Int64Type>()
                    .write_batch(&present, Some(&levels), None)
            }
            Kind::Text => {
                let present: Vec<ByteArray> = values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|s| ByteArray::from(s.as_bytes().to_vec()))
                    .collect();
                writer
                    .typed::<ByteArrayType>()
                    .write_batch(&present, Some(&levels), None)
            }
            Kind::Flag => {
                let present: Vec<bool> = values.iter().filter_map(Value::as_bool).collect();
                writer
                    .typed::<BoolType>()
                    .write_batch(&present, Some(&levels), None)
            }
        }
        .map_err(parquet_error)?;
        writer.close().map_err(parquet_error)?;
        column += 1;
    }
    group.close().map_err(parquet_error)?;
    rows.clear();
    Ok(())
}

/// Reads a Parquet file's rows as records to load, each named `source:row N`.
pub(crate) fn records(
    file: std::fs::File,
    source: &str,
) -> Result<impl Iterator<Item = Result<(String, Record), Error>>, Error> {
    let read_error = |e: parquet::errors::ParquetError| Error::File {
        action: "read",
        path: source.into(),
        detail: format!("not a Parquet file Parallax reads: {e}"),
    };
    let reader = SerializedFileReader::new(file).map_err(read_error)?;
    // pandas writes timestamps in nanoseconds, which rows hand out as bare numbers.
    let nanoseconds: Vec<String> = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .root_schema()
        .get_fields()
        .iter()
        .filter(|field| {
            matches!(
                field.get_basic_info().logical_type_ref(),
                Some(LogicalType::Timestamp(t)) if matches!(t.unit, TimeUnit::NANOS)
            )
        })
        .map(|field| field.name().to_string())
        .collect();
    let source = source.to_string();
    Ok(reader.into_iter().enumerate().map(move |(n, row)| {
        let row = row.map_err(|e| Error::File {
            action: "read",
            path: source.clone().into(),
            detail: e.to_string(),
        })?;
        let place = format!("{source}:row {}", n + 1);
        Ok((place, Record::Object(fields(&row, &nanoseconds))))
    }))
}

/// A row's fields as a record's: the columns, then the nested fields of `extras` that no
/// column gave.
fn fields(row: &parquet::record::Row, nanoseconds: &[String]) -> Map<String, Value> {
    let mut fields = Map::new();
    let mut extras = None;
    for (name, field) in row.get_column_iter() {
        if name == EXTRAS {
            if let Field::Str(json) = field {
                extras = serde_json::from_str::<Map<String, Value>>(json).ok();
            }
            continue;
        }
        let value = match field {
            Field::Long(n) if nanoseconds.contains(name) => utc(n.div_euclid(1000)),
            field => value(field),
        };
        if value.is_null() {
            continue;
        }
        fields.insert(name.clone(), value);
    }
    for (name, value) in extras.into_iter().flatten() {
        fields.entry(name).or_insert(value);
    }
    fields
}

/// A time in microseconds since 1970 as ISO 8601, UTC, to the second.
fn utc(micros: i64) -> Value {
    chrono::DateTime::from_timestamp_micros(micros)
        .map(|t| Value::String(t.format("%Y-%m-%dT%H:%M:%SZ").to_string()))
        .unwrap_or(Value::Null)
}

/// A Parquet value as JSON: dates and timestamps as ISO 8601 (UTC).
fn value(field: &Field) -> Value {
    match field {
        Field::Null => Value::Null,
        Field::Bool(b) => Value::Bool(*b),
        Field::Byte(n) => (*n).into(),
        Field::Short(n) => (*n).into(),
        Field::Int(n) => (*n).into(),
        Field::Long(n) => (*n).into(),
        Field::UByte(n) => (*n).into(),
        Field::UShort(n) => (*n).into(),
        Field::UInt(n) => (*n).into(),
        Field::ULong(n) => (*n).into(),
        Field::Float(n) => serde_json::Number::from_f64(f64::from(*n))
            .map(Value::Number)
            .unwrap_or(Value::Null),
        Field::Double(n) => serde_json::Number::from_f64(*n)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        Field::Str(s) => Value::String(s.clone()),
        Field::Bytes(bytes) => Value::String(String::from_utf8_lossy(bytes.data()).into_owned()),
        Field::Date(days) => chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + days)
            .map(|d| Value::String(d.format("%Y-%m-%d").to_string()))
            .unwrap_or(Value::Null),
        Field::TimestampMillis(ms) => utc(ms.saturating_mul(1000)),
        Field::TimestampMicros(us) => utc(*us),
        Field::ListInternal(list) => Value::Array(list.elements().iter().map(value).collect()),
        _ => Value::Null,
    }
}
