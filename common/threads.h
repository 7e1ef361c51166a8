#pragma once
// The most worker threads any option accepts (--threads, job.threads, a fetch source's
// threads): more only costs memory (each thread has its own stacks and buffers; 2^31 threads
// asked for 17 GB before failing). 16 x the cores, at most 1024.

#include <string_view>

namespace secnlp {

// min(1024, 16 x std::thread::hardware_concurrency()); 1024 when the core count is unknown.
int max_thread_count();

// Throws Error(kInvalidArgument, "<option> N is ...: use 0 (all cores) up to M") when `threads`
// is negative or above max_thread_count(). `option` names the setting, e.g. "--threads".
void check_thread_count(long long threads, std::string_view option);

}  // namespace secnlp
