package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/service"
)

var logFormatFlag = &cli.StringFlag{Name: "log-format", Value: "json", Usage: "log lines on stderr as json (log/slog's JSON) or text"}
var tokenFileFlag = &cli.StringFlag{Name: "token-file", Usage: "`FILE` holding the API token (its first line); default: $ZKML_TOKEN"}

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "run the proving service's HTTP API, with a NATS JetStream work queue for `zkml worker`",
		Description: `Example:
   zkml serve --builds builds/ --token-file token --data zkml-data
   zkml worker --nats nats://127.0.0.1:4222 --token-file token

Every folder of --builds that holds a build with keys (zkml compile, zkml setup) is published
to the workers; its id is the SHA-256 of its settings.json, and its folder name works too.
A split build (zkml compile --shards) is proven as one job per segment, and its result is
the chain proof (zkml verify DIR chain.json).
The API (README, "Proving service") takes proof requests with the API token and answers
with a job id, the same for the same build and input. By default serve embeds a NATS server
with JetStream that keeps its data in --data (jobs and results survive a restart) and listens
on --nats-listen for workers, with the API token as its token; --nats URL uses an external
NATS server or cluster instead. SIGTERM or Ctrl-C drains: requests in hand finish first.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "builds", Usage: "`DIR` of build folders to serve", Required: true},
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8080", Usage: "`ADDRESS` of the HTTP API"},
			tokenFileFlag,
			&cli.StringFlag{Name: "data", Value: "zkml-data", Usage: "`DIR` of the embedded NATS server's JetStream data"},
			&cli.StringFlag{Name: "nats-listen", Value: "127.0.0.1:4222", Usage: "`ADDRESS` the embedded NATS server listens on for workers"},
			&cli.StringFlag{Name: "nats", Usage: "`URL` of an external NATS server with JetStream, instead of the embedded one"},
			&cli.StringFlag{Name: "max-body", Value: "1MiB", Usage: "largest request body (`SIZE`, e.g. 512KiB)"},
			&cli.DurationFlag{Name: "ack-wait", Value: service.DefaultQueue.AckWait, Usage: "a job whose worker is silent this long goes to another worker (workers send heartbeats every third of it)"},
			&cli.IntFlag{Name: "replicas", Value: service.DefaultQueue.Replicas, Usage: "copies of the queue, results and builds kept by a NATS cluster (--nats)"},
			&cli.IntFlag{Name: "max-deliver", Value: service.DefaultQueue.MaxDeliver, Usage: "deliveries of a job before it is marked failed"},
			logFormatFlag,
		},
		Action: func(c *cli.Context) error {
			if _, err := args(c); err != nil {
				return err
			}
			tok, err := service.Token(c.String("token-file"))
			if err != nil {
				return fmt.Errorf("--token-file: %w", err)
			}
			maxBody, err := parseSize("--max-body", c.String("max-body"))
			if err != nil {
				return err
			}
			log, err := newLogger(c.App.ErrWriter, c.String("log-format"))
			if err != nil {
				return err
			}
			if c.Int("max-deliver") < 1 {
				return fmt.Errorf("--max-deliver %d: at least 1", c.Int("max-deliver"))
			}
			if c.Int("replicas") < 1 {
				return fmt.Errorf("--replicas %d: at least 1", c.Int("replicas"))
			}
			if c.Duration("ack-wait") <= 0 {
				return fmt.Errorf("--ack-wait %s: must be positive", c.Duration("ack-wait"))
			}
			ctx, stop := signalContext()
			defer stop()
			return service.Serve(ctx, service.ServeConfig{
				Listen: c.String("listen"), Token: tok, BuildsDir: c.String("builds"),
				NATSURL: c.String("nats"), DataDir: c.String("data"), NATSListen: c.String("nats-listen"),
				MaxBody: maxBody, Log: log,
				Queue: service.QueueConfig{AckWait: c.Duration("ack-wait"), MaxDeliver: c.Int("max-deliver"), Replicas: c.Int("replicas")},
			})
		},
	}
}

// signalContext is done at SIGINT or SIGTERM.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want json or text", format)
}

// parseSize reads a byte count: 1048576, 512KiB, 4GiB, 2GB.
func parseSize(flag, s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("%s %q: want a positive size such as 4GiB, 512MiB or 1048576", flag, s)
	}
	return int64(n * float64(mult)), nil
}
