{{#services}}
#[ignore = "calls the services named in the environment (see README)"]
{{/services}}
