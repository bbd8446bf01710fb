"""Training-step time of the same image models in PyTorch (Debian's python3-torch).

Same architectures, batch, thread count and optimisers as lab.gan.Gan (non-saturating, image
form) and lab.gan.StyleGan (image form); R1 through torch.autograd.grad(create_graph=True).
Prints "model ms_per_step peak_rss_mib". Usage: gan_reference.py model batch threads warmup
steps [width].
"""
import resource
import sys
import time

import torch
import torch.nn.functional as F

model, batch, threads, warm, steps = sys.argv[1], *map(int, sys.argv[2:6])
c = int(sys.argv[6]) if len(sys.argv) > 6 else 32
torch.set_num_threads(threads)
torch.manual_seed(1)
data = torch.rand(1024, 784)


def up2(x):
    return F.interpolate(x, scale_factor=2, mode="nearest")


def P(*shape, std=0.05):
    return torch.nn.Parameter(torch.randn(*shape) * std)


class Critic(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w1, self.b1 = P(c, 1, 3, 3), P(1, c, 1, 1)
        self.w2, self.b2 = P(2 * c, c, 3, 3), P(1, 2 * c, 1, 1)
        self.v, self.b = P(2 * c * 49, 1), P(1)

    def forward(self, x):
        h = x.reshape(-1, 1, 28, 28)
        h = F.avg_pool2d(F.leaky_relu(F.conv2d(h, self.w1, padding=1) + self.b1, 0.2), 2)
        h = F.avg_pool2d(F.leaky_relu(F.conv2d(h, self.w2, padding=1) + self.b2, 0.2), 2)
        return (h.reshape(h.shape[0], -1) @ self.v).reshape(-1) + self.b


class Generator(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(64, 4 * c * 49)
        self.c1 = torch.nn.Conv2d(4 * c, 2 * c, 3, padding=1)
        self.c2 = torch.nn.Conv2d(2 * c, c, 3, padding=1)
        self.c3 = torch.nn.Conv2d(c, 1, 3, padding=1)
        self.bn = torch.nn.ModuleList([torch.nn.BatchNorm2d(k) for k in (4 * c, 2 * c, c)])

    def forward(self, z):
        h = F.relu(self.bn[0](self.fc(z).reshape(-1, 4 * c, 7, 7)))
        h = F.relu(self.bn[1](self.c1(up2(h))))
        h = F.relu(self.bn[2](self.c2(up2(h))))
        return torch.sigmoid(self.c3(h)).reshape(-1, 784)


class Style(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.mapping = torch.nn.ModuleList([torch.nn.Linear(64, 64) for _ in range(4)])
        self.const = P(1, 2 * c, 7, 7, std=1.0)
        spec = [(2 * c, 2 * c, 3, False), (2 * c, 2 * c, 3, True), (2 * c, c, 3, True),
                (c, c, 3, False), (c, 1, 1, False)]
        self.spec = spec
        self.aff = torch.nn.ModuleList([torch.nn.Linear(64, ci) for ci, _, _, _ in spec])
        self.w = torch.nn.ParameterList([P(co, ci, k, k) for ci, co, k, _ in spec])
        self.b = torch.nn.ParameterList([P(1, co, 1, 1) for _, co, _, _ in spec])
        self.noise = torch.nn.ParameterList([P(1) for _ in spec[:-1]])

    def map(self, z):
        h = z * (z.square().mean(1, keepdim=True) + 1e-8).rsqrt()
        for fc in self.mapping:
            h = F.leaky_relu(fc(h), 0.2)
        return h

    def synth(self, ws):
        n = ws[0].shape[0]
        x = self.const.expand(n, -1, -1, -1)
        for l, (ci, co, k, up) in enumerate(self.spec):
            s = self.aff[l](ws[l])
            if up:
                x = up2(x)
            y = F.conv2d(x * s.reshape(n, -1, 1, 1), self.w[l], padding=k // 2)
            if l < len(self.spec) - 1:
                d = (s.square() @ self.w[l].square().sum((2, 3)).t() + 1e-8).rsqrt()
                y = y * d.reshape(n, -1, 1, 1)
                y = y + torch.randn(n, 1, y.shape[2], y.shape[3]) * self.noise[l]
                x = F.leaky_relu(y + self.b[l], 0.2)
            else:
                x = y + self.b[l]
        return torch.sigmoid(x).reshape(n, 784)

    def styles(self, z):
        w = self.map(z)
        ws = [w] * len(self.spec)
        if torch.rand(1).item() < 0.9:
            w2 = self.map(torch.randn_like(z))
            k = 1 + int(torch.rand(1).item() * (len(self.spec) - 1))
            ws = [w if l < k else w2 for l in range(len(self.spec))]
        return ws


D = Critic()
if model == "gan":
    G = Generator()
    og = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
else:
    G = Style()
    mp = list(G.mapping.parameters())
    rest = [p for n_, p in G.named_parameters() if not n_.startswith("mapping")]
    og = torch.optim.Adam([{"params": mp, "lr": 2e-5}, {"params": rest}], 2e-3, betas=(0, 0.99))
    od = torch.optim.Adam(D.parameters(), 2e-3, betas=(0, 0.99))


def step():
    x = data[torch.randperm(1024)[:batch]]
    z = torch.randn(batch, 64)
    with torch.no_grad():
        fake = G(z) if model == "gan" else G.synth(G.styles(z))
    if model == "gan":
        loss = F.softplus(-D(x)).mean() + F.softplus(D(fake)).mean()
    else:
        xr = x.detach().requires_grad_(True)
        real = D(xr)
        (g,) = torch.autograd.grad(real.sum(), xr, create_graph=True)
        loss = F.softplus(-real).mean() + F.softplus(D(fake)).mean() + 0.5 * g.square().sum(1).mean()
    od.zero_grad(set_to_none=False)
    loss.backward()
    od.step()
    z = torch.randn(batch, 64)
    fake = G(z) if model == "gan" else G.synth(G.styles(z))
    gl = F.softplus(-D(fake)).mean()
    og.zero_grad(set_to_none=False)
    gl.backward()
    og.step()


for _ in range(warm):
    step()
t = time.perf_counter()
for _ in range(steps):
    step()
ms = (time.perf_counter() - t) / steps * 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{model} {ms:.2f} {peak:.1f}")
