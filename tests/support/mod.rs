//! Starts the real desktop app under WebDriver: tauri-driver in front of WebKitWebDriver, on
//! a fresh temporary library, with a display (Xvfb in CI) taken from `DISPLAY`.
// Each test binary uses the helpers it needs.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// One window at a time: each test starts its own app, and two cores run one comfortably.
static ONE_WINDOW_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A running app, its driver and its library; everything stops on drop.
pub struct App {
    pub client: Client,
    driver: Child,
    _dir: tempfile::TempDir,
    _turn: Option<tokio::sync::MutexGuard<'static, ()>>,
}

impl App {
    /// Starts the app on a new library, with `args` after `--library PATH`.
    pub async fn start(args: &[String]) -> App {
        App::start_with(args, |_| {}).await
    }

    /// Starts the app after `prepare` has had the library's path (to put a file there).
    pub async fn start_with(args: &[String], prepare: impl FnOnce(&Path)) -> App {
        let turn = ONE_WINDOW_AT_A_TIME.lock().await;
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the window tests need a display: run them through the README's test command, which starts Xvfb"
        );
        let dir = tempfile::tempdir().expect("temporary folder");
        prepare(&dir.path().join("library.sqlite3"));
        App::start_in(dir, args, turn).await
    }

    /// Quits the app and starts it again on the same library and the same web storage and
    /// window state, as a person restarting it would.
    pub async fn restart(mut self, args: &[String]) -> App {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let dir = std::mem::replace(
            &mut self._dir,
            tempfile::tempdir().expect("temporary folder"),
        );
        // The new app takes over this one's turn at the display.
        let turn = self._turn.take().expect("a running app holds its turn");
        drop(self);
        App::start_in(dir, args, turn).await
    }

    async fn start_in(
        dir: tempfile::TempDir,
        args: &[String],
        turn: tokio::sync::MutexGuard<'static, ()>,
    ) -> App {
        let library = dir.path().join("library.sqlite3");
        // The app keeps window state and web storage under the XDG folders: one set per test.
        for folder in ["config", "data", "cache"] {
            std::fs::create_dir_all(dir.path().join(folder)).expect("XDG folder");
        }
        let mut all_args = vec!["--library".to_string(), library.display().to_string()];
        all_args.extend_from_slice(args);
        // A session can fail to start for nothing the app did: a port taken between choosing
        // and binding it, or tauri-driver dropping the first request while WebKitWebDriver
        // starts (seen once in CI as an incomplete HTTP answer). Such a start is tried again
        // on new ports; a third failure is the test's.
        let mut attempt = 1;
        let (client, driver) = loop {
            let (mut driver, port) = start_driver(dir.path());
            let connected = if wait_for_port(port) {
                connect(port, &all_args).await.map_err(|e| e.to_string())
            } else {
                Err(format!("tauri-driver did not listen on port {port}"))
            };
            match connected {
                Ok(client) => break (client, driver),
                Err(error) => {
                    let _ = driver.kill();
                    let _ = driver.wait();
                    assert!(
                        attempt < 3,
                        "cannot start a WebDriver session with the app: {error}"
                    );
                    eprintln!("starting a WebDriver session failed ({error}); trying again");
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        };
        App {
            client,
            driver,
            _dir: dir,
            _turn: Some(turn),
        }
    }

    /// Waits until at least `count` elements with this `data-testid` exist, and returns them.
    pub async fn wait_for_all(
        &self,
        testid: &str,
        count: usize,
    ) -> Vec<fantoccini::elements::Element> {
        let selector = format!("[data-testid='{testid}']");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let found = self
                .client
                .find_all(Locator::Css(&selector))
                .await
                .unwrap_or_default();
            if found.len() >= count {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "waited 30 s for {count} element(s) '{testid}', found {}",
                found.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for one element with this `data-testid`.
    pub async fn wait_for(&self, testid: &str) -> fantoccini::elements::Element {
        self.wait_for_all(testid, 1).await.remove(0)
    }

    /// Clicks the element `css` finds, finding it again if the page redrew it meanwhile.
    pub async fn click(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let clicked = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.click().await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            match clicked {
                Ok(()) => return,
                Err(error) => assert!(Instant::now() < deadline, "cannot click '{css}': {error}"),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text of the element `css` finds.
    pub async fn text(&self, css: &str) -> String {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no '{css}': {e}"));
        element
            .text()
            .await
            .unwrap_or_else(|e| panic!("no text in '{css}': {e}"))
    }

    /// Runs a script in the page and returns its value.
    pub async fn script(&self, source: &str) -> serde_json::Value {
        self.client
            .execute(source, vec![])
            .await
            .expect("script runs in the page")
    }

    /// Waits until the script `condition` (an expression) is true in the page; `why` says what
    /// was awaited when it never is.
    pub async fn wait_until(&self, condition: &str, why: &str) {
        self.poll(&format!("return Boolean({condition})"), why, |value| {
            value == &serde_json::Value::Bool(true)
        })
        .await;
    }

    /// Runs `script` in the page every 100 ms until `done` accepts what it returns, and returns
    /// that. After a minute (imports of hundreds of files on a slow machine) it fails, saying
    /// `why`, the last value and the window's error banner.
    pub async fn poll(
        &self,
        script: &str,
        why: &str,
        done: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let value = self.script(script).await;
            if done(&value) {
                return value;
            }
            if Instant::now() > deadline {
                let banner = self
                    .script("return document.getElementById('error-text').textContent")
                    .await;
                panic!("waited a minute: {why}; last seen {value} (error banner: {banner})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// How many elements with this `data-testid` the page holds now.
    pub async fn count(&self, testid: &str) -> usize {
        self.client
            .find_all(Locator::Css(&format!("[data-testid='{testid}']")))
            .await
            .map(|found| found.len())
            .unwrap_or(0)
    }

    /// The library file the window shows (its full path, from the sidebar).
    pub async fn library_file(&self) -> PathBuf {
        self.wait_until(
            "document.querySelector('[data-testid=library-path]').title",
            "the window names its library",
        )
        .await;
        let path = self
            .script("return document.querySelector('[data-testid=library-path]').title")
            .await;
        PathBuf::from(path.as_str().expect("a path"))
    }

    /// Ends the session (which ends the app) and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// A fixture file of the end-to-end tests.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port()
}

/// Starts tauri-driver on two free ports with this test's XDG folders; returns it and the
/// port it serves WebDriver on.
fn start_driver(dir: &Path) -> (Child, u16) {
    let port = free_port();
    let native_port = free_port();
    let driver = Command::new(tauri_driver())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("MESA_SHADER_CACHE_DISABLE", "true")
        // Under Xvfb WebKit composites through Mesa's software rasterizer, whose crashes
        // (seen in swrast_dri.so from WebKit's compositor thread) end a test's session for
        // nothing the app did: the pages are drawn without GL compositing instead.
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("cannot start tauri-driver: install it with `cargo install tauri-driver --locked`");
    (driver, port)
}

/// Opens a WebDriver session that starts the app with `args`.
async fn connect(port: u16, args: &[String]) -> Result<Client, fantoccini::error::NewSessionError> {
    let capabilities = json!({
        "browserName": "wry",
        "tauri:options": { "application": env!("CARGO_BIN_EXE_parallax-desktop"), "args": args },
    });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::native()
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
}

/// Waits up to 20 s for something to listen on `port`.
fn wait_for_port(port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

/// Answers the native GTK file dialog titled `title` as a person would: focus it, open the
/// location field (Ctrl+L; a save dialog has its name field focused already), type `path` and
/// press Enter. Needs `xdotool` and the display.
pub fn choose_in_file_dialog(title: &str, path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let window = loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output();
        let found = found.expect("cannot run xdotool: scripts/setup --tests installs it");
        if let Some(id) = String::from_utf8_lossy(&found.stdout)
            .split_whitespace()
            .next()
        {
            break id.to_string();
        }
        assert!(
            Instant::now() < deadline,
            "the '{title}' dialog did not open"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?} failed");
    };
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
    std::thread::sleep(Duration::from_millis(200));
    xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["type", "--delay", "10", &path.display().to_string()]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["key", "Return"]);
}

/// The axe-core script the accessibility checks inject: `AXE_CORE_JS` (set by scripts/test),
/// else `target/npm/node_modules/axe-core/axe.min.js` where scripts/test installs it.
pub fn axe_core_script() -> String {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/npm/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read axe-core at {}: {e}. Run the README's test command (scripts/test), which installs it with npm",
            path.display()
        )
    })
}

impl App {
    /// Runs axe-core on the page (or on the elements `context`, a CSS selector, finds) and
    /// returns its violations as `{id, impact, help, nodes: [{target, summary}]}`.
    pub async fn axe_violations(&self, context: Option<&str>) -> Vec<serde_json::Value> {
        let loaded = self.script("return typeof window.axe === 'object'").await;
        if loaded != serde_json::Value::Bool(true) {
            // Injected through WebDriver's script execution: the page's CSP stays as strict as it is.
            self.client
                .execute(&axe_core_script(), vec![])
                .await
                .expect("axe-core loads in the page");
        }
        let answer = self
            .client
            .execute_async(
                r#"const [context, done] = arguments;
                axe.run(context ? document.querySelectorAll(context) : document, { resultTypes: ['violations'] })
                  .then((results) => done(results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) }))))
                  .catch((error) => done({ error: String(error) }));"#,
                vec![context.map(Into::into).unwrap_or(serde_json::Value::Null)],
            )
            .await
            .expect("axe.run answers");
        if let Some(error) = answer.get("error") {
            panic!("axe.run failed: {error}");
        }
        serde_json::from_value(answer).expect("a list of violations")
    }

    /// Where the page breaks one axe-core rule (such as `color-contrast-enhanced`, which the
    /// default run leaves out): the rule's id with each node's selector and failure.
    pub async fn axe_rule_violations(&self, rule: &str) -> Vec<String> {
        self.axe_violations(None).await;
        let answer = self
            .client
            .execute_async(
                r#"const [rule, done] = arguments;
                axe.run(document, { runOnly: [rule], resultTypes: ['violations'] })
                  .then((results) => done(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary}`))))
                  .catch((error) => done([`axe.run failed: ${error}`]));"#,
                vec![rule.into()],
            )
            .await
            .expect("axe.run answers");
        serde_json::from_value(answer).expect("a list of failures")
    }

    /// Prints what axe-core finds on the page (or in `context`), each violation with its nodes,
    /// and returns the serious and critical ones as `what: id` lines; `what` names the view.
    pub async fn severe_axe_violations(&self, what: &str, context: Option<&str>) -> Vec<String> {
        let violations = self.axe_violations(context).await;
        let mut report = String::new();
        for violation in &violations {
            report.push_str(&format!(
                "[{}] {}: {}\n",
                violation["impact"].as_str().unwrap_or("?"),
                violation["id"].as_str().unwrap_or("?"),
                violation["help"].as_str().unwrap_or("")
            ));
            for node in violation["nodes"].as_array().into_iter().flatten().take(8) {
                report.push_str(&format!(
                    "    {}\n      {}\n",
                    node["target"].as_str().unwrap_or(""),
                    node["summary"]
                        .as_str()
                        .unwrap_or("")
                        .replace('\n', "\n      ")
                ));
            }
        }
        if !report.is_empty() {
            eprintln!("axe-core on {what}:\n{report}");
        }
        violations
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                format!(
                    "{what}: {} ({})",
                    v["id"].as_str().unwrap_or("?"),
                    v["impact"].as_str().unwrap_or("?")
                )
            })
            .collect()
    }
}
