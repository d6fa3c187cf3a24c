// The cancel function is stored so that Stop can call it later.
package main

import (
	"context"
	"fmt"
)

type service struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *service) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	s.ctx = ctx
	s.cancel = cancel
}

func (s *service) Stop() { s.cancel() }

func exercise() {
	s := &service{}
	s.Start()
	s.Stop()
	fmt.Println(s.ctx.Err())
}
