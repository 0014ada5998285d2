      Events:
        Api:
          Type: HttpApi
