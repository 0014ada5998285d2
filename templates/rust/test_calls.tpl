{{#fetch_step}}
{{#fetch.http}}
assert!(api.calls("POST", "/") > 0, "no input read");
{{/fetch.http}}
{{/fetch_step}}
{{#concurrent_few}}
{{#fetch.http}}
assert!(api.calls("GET", "/details/*") > 0, "no details read");
{{/fetch.http}}
{{/concurrent_few}}
{{#fan_out_many}}
{{#item.http}}
assert!(api.calls("GET", "/items/*") > 0, "no item was fetched");
{{/item.http}}
{{/fan_out_many}}
{{#write.http}}
assert!(api.calls("POST", "/results") > 0, "no result sent");
{{/write.http}}
{{#write.s3}}
assert!(put_object.num_calls() > 0, "nothing written to S3");
{{/write.s3}}
{{#write.dynamodb}}
assert!(batch_write_item.num_calls() > 0, "no rows written");
{{/write.dynamodb}}
{{#write.sqs}}
assert!(send_message.num_calls() > 0, "nothing sent");
{{/write.sqs}}
{{#write.sns}}
assert!(publish.num_calls() > 0, "nothing published");
{{/write.sns}}
