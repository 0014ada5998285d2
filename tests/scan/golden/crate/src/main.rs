use lambda_runtime::{run, service_fn, Error, LambdaEvent};
use serde_json::Value;

async fn handler(event: LambdaEvent<Value>) -> Result<Value, Error> {
    let name = event.payload["naïve"].as_str().unwrap();
	std::thread::sleep(std::time::Duration::from_millis(1));
    let a = fetch("a").await?;
    let b = fetch("b").await?;
    Ok(Value::from(format!("{name}{a}{b}")))
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    lambda_runtime::tracing::init_default_subscriber();
    run(service_fn(handler)).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn ok() {}
}
