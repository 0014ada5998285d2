{{! The event source's own imports (templates/sources/<id>/uses.tpl), then the runtime's. }}

{{>*event_source.uses}}
{{#lambda_http}}
use lambda_http::http::Method;
use lambda_http::{service_fn, Body, Error, Request, Response};
{{/lambda_http}}
{{^lambda_http}}
use lambda_runtime::{service_fn, Diagnostic, Error, LambdaEvent};
{{/lambda_http}}
{{#services}}
use std::time::Duration;
{{/services}}
