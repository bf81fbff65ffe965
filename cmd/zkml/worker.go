package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/service"
)

func workerCommand() *cli.Command {
	return &cli.Command{
		Name:  "worker",
		Usage: "prove the jobs of the proving service (zkml serve) from its NATS JetStream work queue",
		Description: `Example:
   zkml worker --nats nats://127.0.0.1:4222 --token-file token --memory 16GiB

Pulls jobs, fetches their builds from NATS (kept in --cache, by build id), keeps proving keys
loaded between jobs while they fit in --memory, proves, checks each proof, stores the result
and only then acknowledges the job. Each proof reserves its build's estimated memory from
--memory, which sets how many run at once (at most --max-jobs; a build larger than --memory
proves alone). While proving it sends heartbeats, so that only a dead worker's job goes to
another. Run any number of workers, on any machines that reach the NATS server.
SIGTERM or Ctrl-C: no more fetches; the jobs in hand get --grace to finish, then go back to
the queue for another worker.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "nats", Value: "nats://127.0.0.1:4222", Usage: "`URL` of the NATS server (zkml serve's, or a cluster's)"},
			&cli.StringFlag{Name: "token-file", Usage: "`FILE` holding the NATS token (zkml serve's API token); default: $ZKML_TOKEN"},
			&cli.StringFlag{Name: "memory", Value: "4GiB", Usage: "memory budget (`SIZE`): proofs in progress reserve their build's estimated prove memory from it; idle builds stay loaded while their estimates fit in it too"},
			&cli.IntFlag{Name: "max-jobs", Value: 4, Usage: "most jobs in progress at once"},
			&cli.StringFlag{Name: "cache", Usage: "`DIR` keeping fetched builds (default: the user cache folder's zkml/builds)"},
			&cli.DurationFlag{Name: "grace", Value: service.DefaultGrace, Usage: "at shutdown, how long the jobs in hand may take before they go back to the queue"},
			&cli.StringFlag{Name: "metrics", Usage: "`ADDRESS` to serve Prometheus metrics on (/metrics), e.g. 127.0.0.1:9101"},
			&cli.StringFlag{Name: "name", Usage: "the worker's name in job statuses and logs (default: host name and process id)"},
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
			mem, err := parseSize("--memory", c.String("memory"))
			if err != nil {
				return err
			}
			if c.Int("max-jobs") < 1 {
				return fmt.Errorf("--max-jobs %d: at least 1", c.Int("max-jobs"))
			}
			log, err := newLogger(c.App.ErrWriter, c.String("log-format"))
			if err != nil {
				return err
			}
			ctx, stop := signalContext()
			defer stop()
			return service.Work(ctx, service.WorkerConfig{
				NATSURL: c.String("nats"), Token: tok, Name: c.String("name"), CacheDir: c.String("cache"),
				Memory: mem, MaxJobs: c.Int("max-jobs"), Grace: c.Duration("grace"), MetricsListen: c.String("metrics"), Log: log,
			})
		},
	}
}
