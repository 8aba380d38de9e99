package server

var codes = map[int]APIError{
	1: {Code: "NoSuchKey", Description: "The key does not exist.", HTTPStatusCode: 404},
	2: {Code: "NoSuchWidget", Description: "The widget does not exist.", HTTPStatusCode: 404},
	3: {Code: "IgnoredCode", Description: "An internal code.", HTTPStatusCode: 500},
}
