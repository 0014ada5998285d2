{{! GitHub's own expressions (dollar and double braces) use literal.open and literal.close. }}
# Builds, tests and deploys {{crate_name}} with cargo-lambda. AWS credentials come from an
# IAM role assumed through GitHub's OIDC provider: no long-lived keys in the repository.
name: deploy

on:
  push:
    branches: [main]
  pull_request:

permissions:
  id-token: write
  contents: read

jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@stable
      - uses: Swatinem/rust-cache@v2
      - name: Install cargo-lambda
        run: pip install cargo-lambda
{{#split}}
      - uses: aws-actions/setup-sam@v2
{{/split}}
      - name: Test
        run: cargo test
      - name: Build
        run: cargo lambda build --release{{#architecture.arm64}} --arm64{{/architecture.arm64}}{{#architecture.x86_64}} --x86-64{{/architecture.x86_64}}
      - name: Configure AWS credentials
        if: github.ref == 'refs/heads/main' && github.event_name == 'push'
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{literal.open}} vars.AWS_ROLE_ARN {{literal.close}}
          aws-region: ${{literal.open}} vars.AWS_REGION {{literal.close}}
      - name: Deploy
        if: github.ref == 'refs/heads/main' && github.event_name == 'push'
{{^split}}
        run: cargo lambda deploy {{crate_name}}
{{/split}}
{{#split}}
        # Two functions and the queue between them: AWS SAM deploys them together from
        # template.yaml (its cargo-lambda build is a beta feature of SAM).
        run: >-
          sam build --beta-features &&
          sam deploy --stack-name {{crate_name}} --capabilities CAPABILITY_IAM --resolve-s3
          --no-confirm-changeset --no-fail-on-empty-changeset
{{/split}}
