{{#batch_failures.yes}}
aws_lambda_events = { version = "1", default-features = false, features = ["dynamodb", "streams"] }
{{/batch_failures.yes}}
{{^batch_failures.yes}}
aws_lambda_events = { version = "1", default-features = false, features = ["dynamodb"] }
{{/batch_failures.yes}}
