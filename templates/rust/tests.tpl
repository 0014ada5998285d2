
#[cfg(test)]
mod tests {
    use super::*;
{{#aws}}
    use aws_smithy_mocks::{mock, mock_client, RuleMode};

    /// How many times each mocked AWS operation answers: more than the sample events need.
    const MOCKED_CALLS: usize = 16;
{{/aws}}
{{>*event_source.test}}
{{#api_paths}}

    #[test]
    fn event_data_stays_inside_one_path_segment() {
        let base = reqwest::Url::parse("https://api.example.com/v1/").expect("a URL");
        let url = api_endpoint(&base, &["items", "../admin?all=1#x"]);
        assert_eq!(
            url.as_str(),
            "https://api.example.com/v1/items/..%2Fadmin%3Fall=1%23x"
        );
    }
{{/api_paths}}
{{#clients.http}}

    /// A request the fake API received.
    struct Received {
        method: String,
        path: String,
    }

    /// The HTTP API the function calls, played by a small HTTP/1.1 server on 127.0.0.1 (std
    /// only, a thread per connection): it answers every request `200 OK` with the body `ok`
    /// and records the method and path of each, so the handler test runs offline.
    struct FakeApi {
        url: reqwest::Url,
        received: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
    }

    impl FakeApi {
        fn start() -> Self {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
            let address = listener.local_addr().expect("its address");
            let url = reqwest::Url::parse(&format!("http://{address}")).expect("a URL");
            let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            let log = std::sync::Arc::clone(&received);
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let log = std::sync::Arc::clone(&log);
                    std::thread::spawn(move || serve(stream, &log));
                }
            });
            Self { url, received }
        }

        /// How many `method` requests reached `path` (a path ending in `*`: any path with
        /// that prefix).
        fn calls(&self, method: &str, path: &str) -> usize {
            let received = self.received.lock().expect("the log");
            let matches = |r: &&Received| match path.strip_suffix('*') {
                Some(prefix) => r.path.starts_with(prefix),
                None => r.path == path,
            };
            received
                .iter()
                .filter(|r| r.method == method)
                .filter(matches)
                .count()
        }
    }

    /// Answers the requests of one connection (kept alive) until the client closes it.
    fn serve(
        stream: std::net::TcpStream,
        log: &std::sync::Mutex<Vec<Received>>,
    ) -> std::io::Result<()> {
        use std::io::{BufRead, Read, Write};

        let mut writer = stream.try_clone()?;
        let mut reader = std::io::BufReader::new(stream);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let mut words = line.split_whitespace();
            let method = words.next().unwrap_or_default().to_string();
            let path = words.next().unwrap_or_default().to_string();
            let mut length = 0;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header)? == 0 {
                    return Ok(());
                }
                let Some((name, value)) = header.trim_end().split_once(':') else {
                    break;
                };
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body)?;
            log.lock().expect("the log").push(Received { method, path });
            writer.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")?;
        }
    }
{{/clients.http}}
{{#blocking}}

    #[test]
    fn the_cpu_step_transforms_its_input() {
        let output = {{#rayon_batch}}transform{{/rayon_batch}}{{^rayon_batch}}transform_all{{/rayon_batch}}(b"hello").expect("the transform succeeds");
        assert_eq!(output, b"HELLO");
    }
{{/blocking}}
}
