# Excerpt of getmoto/moto moto/s3/exceptions.py at 0af643a5 (Apache-2.0):
# lines 15-31 and 62-67, unchanged (ServiceException is moto.core's). See ../README.rst.


class S3ClientError(ServiceException):
    pass


class InvalidArgumentError(S3ClientError):
    code = "InvalidArgument"

    def __init__(self, message: str, name: str, value: str):
        super().__init__("InvalidArgument", message)
        self.argument_name = name
        self.argument_value = value


class AccessForbidden(S3ClientError):
    def __init__(self, msg: str):
        super().__init__("AccessForbidden", msg)



class MissingKey(S3ClientError):
    code = "NoSuchKey"

    def __init__(self, key: str | None = None):
        super().__init__("The specified key does not exist.")
        self.key = key
