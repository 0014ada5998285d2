      Events:
        Api:
          Type: Api
          Properties:
            Path: /{proxy+}
            Method: ANY
