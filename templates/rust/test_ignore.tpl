{{#clients.http}}
#[ignore = "calls the HTTP API at API_URL (see README)"]
{{/clients.http}}
