package store

import (
	"errors"
	"fmt"
)

// Error codes a caller can act on. The HTTP API maps them to statuses
// (ENOTFOUND 404, EINVALID 400, ECONFLICT 409, EINTERNAL 500).
const (
	ENOTFOUND = "not_found" // no article or event with that id
	EINVALID  = "invalid"   // a malformed argument: a bad date, limit, cursor, article
	ECONFLICT = "conflict"  // the write contradicts what is stored (no method returns it yet)
	EINTERNAL = "internal"  // anything else: I/O, a bug, a closed store
)

// Error is an error with a code a caller can act on and a message a user
// can read.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("store error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the *Error in err's chain: "" for a nil
// err, EINTERNAL for an error that carries no code.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the *Error in err's chain, or a
// generic message for an error that carries no code (whose text may hold
// details a user should not see).
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "internal error"
	}
}
