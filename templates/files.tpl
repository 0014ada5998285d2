{{! The files of a generated project: one "OUTPUT-PATH TEMPLATE-NAME" per line. Rendered
    with the advice context first, so sections choose files; every output path is checked
    (relative, no "..") before anything is written. }}
src/main.rs main.rs
{{#split}}
src/bin/accept.rs split/accept
events/{{accept.event_source}}.json {{accept.event_source.event}}
{{/split}}
Cargo.toml Cargo.toml
README.md README.md
events/{{event_source}}.json {{event_source.event}}
.gitignore gitignore
template.yaml template.yaml
{{#ci.github}}
.github/workflows/deploy.yml deploy.yml
{{/ci.github}}
