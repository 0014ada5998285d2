// Blocking calls in async code, and the same text where it is fine.
use std::thread;
use std::time::Duration;
use tokio::fs;

pub async fn sleeps() {
    std::thread::sleep(Duration::from_millis(5)); //~ blocking-sleep
    thread::sleep(Duration::from_millis(5)); //~ blocking-sleep
    // std::thread::sleep(Duration::from_millis(5));
    /* thread::sleep(d) inside /* a nested */ block comment: thread::sleep(d) */
    /// thread::sleep(d) in a doc comment
    let s = "std::thread::sleep(d)";
    let r = r#"thread::sleep(d) "quoted" thread::sleep("#;
    let rr = r##"a "# thread::sleep( "##;
    let b = b"thread::sleep(";
    let c = '"';
    let l: &'static str = "thread::sleep(";
    let esc = "a \" thread::sleep( \\";
    tokio::time::sleep(Duration::from_millis(5)).await;
    tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(5)))
        .await
        .ok();
    tokio::task::block_in_place(|| {
        std::thread::sleep(Duration::from_millis(5));
    });
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(5));
    });
    let later = async {
        std::thread::sleep(Duration::from_millis(5)); //~ blocking-sleep
    };
}

pub fn sync_sleep() {
    std::thread::sleep(Duration::from_millis(5));
}

pub async fn files(path: String) -> std::io::Result<String> {
    let a = std::fs::read_to_string(&path)?; //~ blocking-fs
    let f = std::fs::File::open(&path)?; //~ blocking-fs
    let b = tokio::fs::read_to_string(&path).await?;
    let c = fs::read(&path).await?;
    let d = tokio::fs::File::open(&path).await?; //~ sequential-awaits
    let e = tokio::task::spawn_blocking(move || std::fs::read(path)).await;
    Ok(b)
}

pub fn sync_files(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

pub async fn http() -> Result<(), reqwest::Error> {
    let body = reqwest::blocking::get("https://example.com")?.text()?; //~ blocking-http
    let ok = reqwest::get("https://example.com").await?.text().await?;
    Ok(())
}

pub async fn blockon() {
    let v = futures::executor::block_on(async { 1 }); //~ block-on-in-async
    let h = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || h.block_on(async { 2 }))
        .await
        .ok();
}

pub async fn cpu(items: Vec<u64>) -> u64 {
    let s: u64 = items.par_iter().sum(); //~ cpu-in-async
    let hash = bcrypt::hash("pw", 10); //~ cpu-in-async
    let t = tokio::task::spawn_blocking(move || items.par_iter().sum::<u64>())
        .await
        .unwrap_or(0);
    s + t
}

pub fn cpu_sync(items: &[u64]) -> u64 {
    items.par_iter().sum()
}

impl<T> Trait for Wrapper<T> {
    fn f(&self) {
        std::thread::sleep(Duration::from_millis(1));
    }
}
