
/// One unit of work taken from the event.
#[derive(Debug)]
struct Job {
    /// Names the record in logs and in failure reports.
    id: String,
    /// The record's data, as bytes: a Kinesis record's data, or a request's body, can be
    /// binary. It becomes text only where text is needed (an object or item key, a text
    /// destination), and there a binary record fails with a clear error, never mangled.
    body: Vec<u8>,
}
