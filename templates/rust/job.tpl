
/// One unit of work taken from the event.
#[derive(Debug)]
struct Job {
    /// Names the record in logs and in failure reports.
    id: String,
    /// The record's data.
    body: String,
}
