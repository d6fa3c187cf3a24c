// Package require is a small offline replacement for testify's require
// package that offers only the assertions goleakfix's Go cases use. Each one
// reports a failure through t.Errorf and then stops the test with t.FailNow.
// FailNow calls runtime.Goexit, so goroutines that the test started and still
// waits for are left behind as they are with the real package.
package require

import (
	"fmt"
	"reflect"
)

// TestingT is the subset of *testing.T that the assertions need.
type TestingT interface {
	Errorf(format string, args ...any)
	FailNow()
}

// helper is implemented by *testing.T. Helper marks only its direct caller,
// so each assertion calls it itself to make failure messages point at the
// test line that made the assertion.
type helper interface {
	Helper()
}

// NoError stops the test when err is not nil.
func NoError(t TestingT, err error, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if err != nil {
		fail(t, fmt.Sprintf("expected no error, got: %v", err), msgAndArgs)
	}
}

// Error stops the test when err is nil.
func Error(t TestingT, err error, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if err == nil {
		fail(t, "expected an error, got nil", msgAndArgs)
	}
}

// Equal stops the test unless expected and actual are deeply equal.
func Equal(t TestingT, expected, actual any, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if !reflect.DeepEqual(expected, actual) {
		fail(t, fmt.Sprintf("not equal:\nexpected: %#v\nactual:   %#v", expected, actual), msgAndArgs)
	}
}

// True stops the test when value is false.
func True(t TestingT, value bool, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if !value {
		fail(t, "expected true, got false", msgAndArgs)
	}
}

// False stops the test when value is true.
func False(t TestingT, value bool, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if value {
		fail(t, "expected false, got true", msgAndArgs)
	}
}

// Nil stops the test unless object is nil or a nil pointer, channel, function,
// interface, map or slice.
func Nil(t TestingT, object any, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if !isNil(object) {
		fail(t, fmt.Sprintf("expected nil, got: %#v", object), msgAndArgs)
	}
}

// NotNil stops the test when Nil would pass.
func NotNil(t TestingT, object any, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if isNil(object) {
		fail(t, "expected a value, got nil", msgAndArgs)
	}
}

// Len stops the test unless object is an array, channel, map, slice or string
// with exactly length elements.
func Len(t TestingT, object any, length int, msgAndArgs ...any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	value := reflect.ValueOf(object)
	switch value.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		if value.Len() != length {
			fail(t, fmt.Sprintf("expected length %d, got %d: %#v", length, value.Len(), object), msgAndArgs)
		}
	default:
		fail(t, fmt.Sprintf("cannot take the length of %T", object), msgAndArgs)
	}
}

func isNil(object any) bool {
	if object == nil {
		return true
	}
	value := reflect.ValueOf(object)
	switch value.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice, reflect.UnsafePointer:
		return value.IsNil()
	default:
		return false
	}
}

// fail reports message, followed by the caller's own message when one was
// given, and stops the test.
func fail(t TestingT, message string, msgAndArgs []any) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if extra := formatMessage(msgAndArgs); extra != "" {
		message += "\nmessage: " + extra
	}
	t.Errorf("%s", message)
	t.FailNow()
}

// formatMessage treats a leading string with further arguments as a format
// string, and prints a lone argument as it is.
func formatMessage(msgAndArgs []any) string {
	switch {
	case len(msgAndArgs) == 0:
		return ""
	case len(msgAndArgs) == 1:
		return fmt.Sprint(msgAndArgs[0])
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	return fmt.Sprint(msgAndArgs...)
}
