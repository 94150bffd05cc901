#pragma once
// Glibc's Swift overlay does not expose these Linux interfaces; this header-only target does.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
extern int accept4(int, struct sockaddr *, socklen_t *, int);
