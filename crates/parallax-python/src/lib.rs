//! Parallax in Python: the engine ([`parallax_core`]), its comparisons as reports
//! ([`parallax_report`]) and the library file ([`parallax_library`]) as the `parallax` module,
//! for notebooks and Spark jobs.
//!
//! - `extract(path or bytes, file_name=None)`: the article in a document, as `parallax extract`.
//! - `compare(items)`: the comparison `parallax compare --json` prints (the same code path).
//! - `entities(item or items)`: people, organisations, places and quantities.
//! - `group_events(articles)`: which articles report the same event.
//! - `read_library(path)`: a library file's articles as records (for `pandas.DataFrame`).
//!
//! Results cross as the JSON documents the CLI prints, loaded by Python's `json`, so a dict
//! here equals the CLI's document field for field. Every call releases the GIL while the
//! engine works; failures raise `parallax.ParallaxError` with the engine's message.

use std::path::{Path, PathBuf};

use parallax_core::events::{self, ArticleProfile};
use parallax_core::{entities, ingest};
use parallax_library::Library;
use parallax_report::{compare_texts, ComparedInput, SourceDetails};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use serde::Serialize;

create_exception!(
    parallax,
    ParallaxError,
    PyException,
    "A failure of the Parallax engine or library, with its message."
);

fn failed(message: impl ToString) -> PyErr {
    ParallaxError::new_err(message.to_string())
}

/// Hands a serialisable value to Python as the dict (or list) `json.loads` makes of it.
fn to_python<T: Serialize>(py: Python<'_>, value: &T) -> PyResult<PyObject> {
    let text = serde_json::to_string(value).map_err(failed)?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// An article handed in by Python: a file to read, or an article given as text or fields.
enum Item {
    File(String),
    Article(Box<ComparedInput>),
}

impl Item {
    /// Reads a `pathlib.Path` (any `os.PathLike`), a text `str` or an article `dict`; `index`
    /// names an article that has no reference of its own.
    fn from_python(item: &Bound<'_, PyAny>, index: usize) -> PyResult<Item> {
        if let Ok(text) = item.downcast::<PyString>() {
            return Ok(Item::Article(Box::new(ComparedInput {
                reference: format!("#{}", index + 1),
                text: text.to_cow()?.into_owned(),
                ..ComparedInput::default()
            })));
        }
        if let Ok(fields) = item.downcast::<PyDict>() {
            return article_from_dict(fields, index).map(|input| Item::Article(Box::new(input)));
        }
        match item.extract::<PathBuf>() {
            Ok(path) => Ok(Item::File(path.to_string_lossy().into_owned())),
            Err(_) => Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "an article is a pathlib.Path, a text (str) or a dict with 'text', not {}",
                item.get_type().name()?
            ))),
        }
    }

    /// The article to compare: a file is read as `parallax compare FILE` reads it.
    fn into_input(self) -> Result<ComparedInput, parallax_report::Error> {
        match self {
            Item::File(path) => ComparedInput::from_file(path),
            Item::Article(input) => Ok(*input),
        }
    }
}

/// A field of an article dict under any of `names` (passim's names after Parallax's), if set.
fn field(fields: &Bound<'_, PyDict>, names: &[&str]) -> PyResult<Option<String>> {
    for name in names {
        if let Some(value) = fields.get_item(name)? {
            if value.is_none() {
                continue;
            }
            return Ok(Some(match value.extract::<String>() {
                Ok(text) => text,
                Err(_) => value.str()?.to_cow()?.into_owned(),
            }));
        }
    }
    Ok(None)
}

fn article_from_dict(fields: &Bound<'_, PyDict>, index: usize) -> PyResult<ComparedInput> {
    let text = field(fields, &["text"])?
        .ok_or_else(|| failed(format!("article {} has no 'text'", index + 1)))?;
    let id = match fields.get_item("id")? {
        Some(value) if !value.is_none() => value.extract::<i64>().ok(),
        _ => None,
    };
    Ok(ComparedInput {
        reference: field(fields, &["ref", "id"])?.unwrap_or_else(|| format!("#{}", index + 1)),
        id,
        title: field(fields, &["title"])?.unwrap_or_default(),
        outlet: field(fields, &["outlet", "series"])?,
        path: field(fields, &["path"])?,
        text,
        citation: SourceDetails {
            byline: field(fields, &["byline"])?,
            published: field(fields, &["published", "date"])?,
            url: field(fields, &["url"])?,
            imported: None,
        },
    })
}

fn items_from_python(items: &Bound<'_, PyAny>) -> PyResult<Vec<Item>> {
    let mut read = Vec::new();
    for (index, item) in items.try_iter()?.enumerate() {
        read.push(Item::from_python(&item?, index)?);
    }
    Ok(read)
}

/// What `extract` returns: `parallax extract --json`'s document.
#[derive(Serialize)]
struct Extracted {
    path: String,
    word_count: usize,
    #[serde(flatten)]
    article: ingest::ExtractedArticle,
}

/// The article in a document: its body text and metadata, as `parallax extract --json` prints
/// it. `source` is a path (`str` or `pathlib.Path`) or the document's bytes; with bytes,
/// `file_name` says the format (`"report.html"`).
#[pyfunction]
#[pyo3(signature = (source, file_name = None))]
fn extract(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    file_name: Option<String>,
) -> PyResult<PyObject> {
    let extracted = if let Ok(bytes) = source.downcast::<PyBytes>() {
        let name = file_name.ok_or_else(|| {
            failed("bytes need a file_name that tells their format, such as 'report.html'")
        })?;
        let bytes = bytes.as_bytes().to_vec();
        py.allow_threads(|| {
            ingest::check_size(bytes.len() as u64)?;
            ingest::extract(&bytes, &name).map(|article| (name.clone(), article))
        })
        .map_err(failed)?
    } else {
        let path: PathBuf = source.extract()?;
        let shown = path.to_string_lossy().into_owned();
        py.allow_threads(|| parallax_report::read_article_file(&path))
            .map(|article| (shown, article))
            .map_err(failed)?
    };
    let (path, article) = extracted;
    let shown = Extracted {
        path,
        word_count: parallax_core::text::word_count(&article.text),
        article,
    };
    to_python(py, &shown)
}

/// Compares two or more articles: aligned sentences, word differences, shared passages,
/// conflicts, disputed facts, entities and the timeline. Each item is a `pathlib.Path` (read as
/// `parallax compare` reads files: for paths the dict equals `parallax compare --json`'s
/// document), a text (`str`, the article's body) or an article dict with `text` and any of
/// `title`, `outlet` (or passim's `series`), `published` (or `date`), `byline`, `url`, `id`,
/// `ref`.
#[pyfunction]
fn compare(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<PyObject> {
    let items = items_from_python(items)?;
    parallax_library::check_comparison_size(items.len()).map_err(failed)?;
    let report = py
        .allow_threads(|| {
            let inputs = items
                .into_iter()
                .map(Item::into_input)
                .collect::<Result<Vec<_>, _>>()?;
            Ok::<_, parallax_report::Error>(compare_texts(inputs))
        })
        .map_err(failed)?;
    to_python(py, &report)
}

/// The entities of several articles resolved across them, and who names what.
#[derive(Serialize)]
struct EntitiesAcross {
    entities: Vec<entities::ResolvedEntity>,
    overlap: entities::Overlap,
}

/// What one article names.
#[derive(Serialize)]
struct Entities {
    entities: Vec<entities::Entity>,
    quantities: Vec<entities::Quantity>,
}

/// The people, organisations, places and quantities an article names. One item (a path, a
/// text or an article dict) gives `{"entities", "quantities"}`, as `parallax entities FILE
/// --json`; a list of items gives the entities resolved across them (`mentions` per article)
/// and their `overlap`.
#[pyfunction]
#[pyo3(name = "entities")]
fn entities_named(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<PyObject> {
    let several = items.is_instance_of::<pyo3::types::PyList>()
        || items.is_instance_of::<pyo3::types::PyTuple>();
    if !several {
        let item = Item::from_python(items, 0)?;
        let found = py
            .allow_threads(|| {
                item.into_input().map(|input| Entities {
                    entities: entities::find_entities(&input.text),
                    quantities: entities::find_quantities(&input.text),
                })
            })
            .map_err(failed)?;
        return to_python(py, &found);
    }
    let items = items_from_python(items)?;
    let found = py
        .allow_threads(|| {
            let found = items
                .into_iter()
                .map(|item| item.into_input().map(|i| entities::find_entities(&i.text)))
                .collect::<Result<Vec<_>, _>>()?;
            let resolved = entities::resolve_across(&found);
            Ok::<_, parallax_report::Error>(EntitiesAcross {
                overlap: entities::overlap(&resolved, found.len()),
                entities: resolved,
            })
        })
        .map_err(failed)?;
    to_python(py, &found)
}

/// One event `group_events` found.
#[derive(Serialize)]
struct Event {
    /// The event's number, in order of its first article.
    event: usize,
    /// Its first article's headline.
    title: String,
    /// Indices of its articles in the list given.
    articles: Vec<usize>,
}

/// Groups articles into events (which ones report the same event), in the order given, as the
/// library does on import: give them in order of publication. Each article is a dict with
/// `text` and optionally `title` and `published` (or passim's `date`), a text or a path.
/// Returns `[{"event", "title", "articles": [index into articles]}]`, every article in exactly
/// one event.
#[pyfunction]
fn group_events(py: Python<'_>, articles: &Bound<'_, PyAny>) -> PyResult<PyObject> {
    let items = items_from_python(articles)?;
    let found = py
        .allow_threads(|| {
            let inputs = items
                .into_iter()
                .map(Item::into_input)
                .collect::<Result<Vec<_>, _>>()?;
            let profiles: Vec<ArticleProfile> = profiles(&inputs);
            let groups = events::group_articles(&profiles);
            Ok::<_, parallax_report::Error>(
                groups
                    .into_iter()
                    .enumerate()
                    .map(|(event, articles)| Event {
                        event,
                        title: inputs[articles[0]].title.clone(),
                        articles,
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .map_err(failed)?;
    to_python(py, &found)
}

/// Each article's profile, on every core: reading the words and names of each article is most
/// of grouping's cost, and one article's profile needs nothing of another's.
fn profiles(inputs: &[ComparedInput]) -> Vec<ArticleProfile> {
    use rayon::prelude::*;
    inputs
        .par_iter()
        .map(|input| {
            ArticleProfile::new(
                &input.title,
                &input.text,
                input.citation.published.as_deref(),
            )
        })
        .collect()
}

/// A Parallax library file's articles, one dict each (`id`, `outlet`, `title`, `published`,
/// `text`, `event`, `byline`, `url`, `language`, `format`, `path`, `word_count`, `tags`,
/// `imported`): `pandas.DataFrame(parallax.read_library(path))` is a table of the library.
#[pyfunction]
fn read_library(py: Python<'_>, path: PathBuf) -> PyResult<PyObject> {
    let records = py.allow_threads(|| {
        if !Path::new(&path).is_file() {
            return Err(failed(format!(
                "no library file at '{}'",
                path.to_string_lossy()
            )));
        }
        let library = Library::open(&path).map_err(failed)?;
        let listed = library
            .find_articles("", &parallax_library::SearchOptions::every_article(), 0)
            .map_err(failed)?;
        listed
            .articles
            .iter()
            .map(|article| library.article(article.id).map_err(failed))
            .collect::<PyResult<Vec<_>>>()
    })?;
    to_python(py, &records)
}

/// The `parallax` Python module.
#[pymodule]
#[pyo3(name = "parallax")]
fn parallax_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("ParallaxError", module.py().get_type::<ParallaxError>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(compare, module)?)?;
    module.add_function(wrap_pyfunction!(entities_named, module)?)?;
    module.add_function(wrap_pyfunction!(group_events, module)?)?;
    module.add_function(wrap_pyfunction!(read_library, module)?)?;
    Ok(())
}
