# A MicroPython-like GC heap growing inside SPIRAM (esp32).
#
# MicroPython on an ESP32 with PSRAM keeps its objects in a mark-sweep GC heap
# (capheap/gc.h) whose areas come from the caps allocator, here SPIRAM:
#   boot     PSRAM added; a GC heap of 64 KiB in SPIRAM that may grow by
#            areas of 64 KiB doubling up to 512 KiB; a few internal buffers;
#   script   a script builds 3000 small objects (16..200 bytes) and keeps
#            one in four (a list it appends to), drops the rest: collections
#            run when the heap is full and free the garbage;
#   load     it loads a 300 KiB data set in 1200 objects kept alive: the GC
#            heap must grow (new areas from SPIRAM);
#   release  the data set is dropped and collected: the grown areas that are
#            empty go back to SPIRAM.
# Expected outcome (tests/sim): no failure; the GC heap has more than one
# area after "load", and SPIRAM has more free memory after "release" than
# after "load"; integrity checks pass.
chip esp32

phase boot
region SPIRAM
deferred
gc create SPIRAM 64K max 512K
alloc buf0 779
alloc buf1 990
alloc buf2 315
alloc buf3 1209
alloc buf4 766
alloc buf5 362
alloc buf6 577
alloc buf7 487
check
phase script
gc alloc o0 111
gc alloc o1 136
gc drop o1
gc alloc o2 79
gc drop o2
gc alloc o3 113
gc drop o3
gc alloc o4 155
gc alloc o5 42
gc drop o5
gc alloc o6 162
gc drop o6
gc alloc o7 79
gc drop o7
gc alloc o8 19
gc alloc o9 71
gc drop o9
gc alloc o10 120
gc drop o10
gc alloc o11 87
gc drop o11
gc alloc o12 62
gc alloc o13 115
gc drop o13
gc alloc o14 56
gc drop o14
gc alloc o15 34
gc drop o15
gc alloc o16 51
gc alloc o17 174
gc drop o17
gc alloc o18 174
gc drop o18
gc alloc o19 129
gc drop o19
gc alloc o20 48
gc alloc o21 49
gc drop o21
gc alloc o22 16
gc drop o22
gc alloc o23 17
gc drop o23
gc alloc o24 69
gc alloc o25 71
gc drop o25
gc alloc o26 58
gc drop o26
gc alloc o27 58
gc drop o27
gc alloc o28 90
gc alloc o29 96
gc drop o29
gc alloc o30 66
gc drop o30
gc alloc o31 154
gc drop o31
gc alloc o32 189
gc alloc o33 176
gc drop o33
gc alloc o34 68
gc drop o34
gc alloc o35 62
gc drop o35
gc alloc o36 192
gc alloc o37 66
gc drop o37
gc alloc o38 114
gc drop o38
gc alloc o39 92
gc drop o39
gc alloc o40 21
gc alloc o41 108
gc drop o41
gc alloc o42 122
gc drop o42
gc alloc o43 58
gc drop o43
gc alloc o44 53
gc alloc o45 83
gc drop o45
gc alloc o46 32
gc drop o46
gc alloc o47 100
gc drop o47
gc alloc o48 93
gc alloc o49 170
gc drop o49
gc alloc o50 166
gc drop o50
gc alloc o51 16
gc drop o51
gc alloc o52 168
gc alloc o53 189
gc drop o53
gc alloc o54 197
gc drop o54
gc alloc o55 102
gc drop o55
gc alloc o56 32
gc alloc o57 95
gc drop o57
gc alloc o58 106
gc drop o58
gc alloc o59 94
gc drop o59
gc alloc o60 139
gc alloc o61 194
gc drop o61
gc alloc o62 96
gc drop o62
gc alloc o63 63
gc drop o63
gc alloc o64 139
gc alloc o65 136
gc drop o65
gc alloc o66 196
gc drop o66
gc alloc o67 61
gc drop o67
gc alloc o68 30
gc alloc o69 81
gc drop o69
gc alloc o70 21
gc drop o70
gc alloc o71 107
gc drop o71
gc alloc o72 119
gc alloc o73 20
gc drop o73
gc alloc o74 156
gc drop o74
gc alloc o75 123
gc drop o75
gc alloc o76 109
gc alloc o77 112
gc drop o77
gc alloc o78 164
gc drop o78
gc alloc o79 18
gc drop o79
gc alloc o80 131
gc alloc o81 27
gc drop o81
gc alloc o82 197
gc drop o82
gc alloc o83 62
gc drop o83
gc alloc o84 175
gc alloc o85 66
gc drop o85
gc alloc o86 46
gc drop o86
gc alloc o87 78
gc drop o87
gc alloc o88 134
gc alloc o89 104
gc drop o89
gc alloc o90 147
gc drop o90
gc alloc o91 106
gc drop o91
gc alloc o92 150
gc alloc o93 80
gc drop o93
gc alloc o94 134
gc drop o94
gc alloc o95 43
gc drop o95
gc alloc o96 166
gc alloc o97 110
gc drop o97
gc alloc o98 91
gc drop o98
gc alloc o99 25
gc drop o99
gc alloc o100 126
gc alloc o101 39
gc drop o101
gc alloc o102 69
gc drop o102
gc alloc o103 103
gc drop o103
gc alloc o104 147
gc alloc o105 172
gc drop o105
gc alloc o106 108
gc drop o106
gc alloc o107 53
gc drop o107
gc alloc o108 103
gc alloc o109 86
gc drop o109
gc alloc o110 195
gc drop o110
gc alloc o111 155
gc drop o111
gc alloc o112 39
gc alloc o113 95
gc drop o113
gc alloc o114 191
gc drop o114
gc alloc o115 97
gc drop o115
gc alloc o116 94
gc alloc o117 61
gc drop o117
gc alloc o118 36
gc drop o118
gc alloc o119 176
gc drop o119
gc alloc o120 54
gc alloc o121 200
gc drop o121
gc alloc o122 192
gc drop o122
gc alloc o123 95
gc drop o123
gc alloc o124 139
gc alloc o125 57
gc drop o125
gc alloc o126 200
gc drop o126
gc alloc o127 28
gc drop o127
gc alloc o128 36
gc alloc o129 169
gc drop o129
gc alloc o130 152
gc drop o130
gc alloc o131 119
gc drop o131
gc alloc o132 24
gc alloc o133 76
gc drop o133
gc alloc o134 168
gc drop o134
gc alloc o135 104
gc drop o135
gc alloc o136 80
gc alloc o137 132
gc drop o137
gc alloc o138 182
gc drop o138
gc alloc o139 123
gc drop o139
gc alloc o140 53
gc alloc o141 30
gc drop o141
gc alloc o142 179
gc drop o142
gc alloc o143 24
gc drop o143
gc alloc o144 142
gc alloc o145 101
gc drop o145
gc alloc o146 69
gc drop o146
gc alloc o147 49
gc drop o147
gc alloc o148 160
gc alloc o149 49
gc drop o149
gc alloc o150 177
gc drop o150
gc alloc o151 121
gc drop o151
gc alloc o152 43
gc alloc o153 59
gc drop o153
gc alloc o154 127
gc drop o154
gc alloc o155 111
gc drop o155
gc alloc o156 54
gc alloc o157 31
gc drop o157
gc alloc o158 123
gc drop o158
gc alloc o159 91
gc drop o159
gc alloc o160 52
gc alloc o161 132
gc drop o161
gc alloc o162 174
gc drop o162
gc alloc o163 59
gc drop o163
gc alloc o164 149
gc alloc o165 132
gc drop o165
gc alloc o166 140
gc drop o166
gc alloc o167 192
gc drop o167
gc alloc o168 97
gc alloc o169 138
gc drop o169
gc alloc o170 86
gc drop o170
gc alloc o171 90
gc drop o171
gc alloc o172 136
gc alloc o173 119
gc drop o173
gc alloc o174 53
gc drop o174
gc alloc o175 44
gc drop o175
gc alloc o176 112
gc alloc o177 152
gc drop o177
gc alloc o178 61
gc drop o178
gc alloc o179 176
gc drop o179
gc alloc o180 143
gc alloc o181 102
gc drop o181
gc alloc o182 62
gc drop o182
gc alloc o183 38
gc drop o183
gc alloc o184 141
gc alloc o185 85
gc drop o185
gc alloc o186 147
gc drop o186
gc alloc o187 156
gc drop o187
gc alloc o188 144
gc alloc o189 108
gc drop o189
gc alloc o190 32
gc drop o190
gc alloc o191 107
gc drop o191
gc alloc o192 193
gc alloc o193 166
gc drop o193
gc alloc o194 185
gc drop o194
gc alloc o195 24
gc drop o195
gc alloc o196 94
gc alloc o197 109
gc drop o197
gc alloc o198 159
gc drop o198
gc alloc o199 196
gc drop o199
gc alloc o200 187
gc alloc o201 87
gc drop o201
gc alloc o202 140
gc drop o202
gc alloc o203 83
gc drop o203
gc alloc o204 192
gc alloc o205 199
gc drop o205
gc alloc o206 91
gc drop o206
gc alloc o207 103
gc drop o207
gc alloc o208 182
gc alloc o209 61
gc drop o209
gc alloc o210 164
gc drop o210
gc alloc o211 18
gc drop o211
gc alloc o212 137
gc alloc o213 156
gc drop o213
gc alloc o214 80
gc drop o214
gc alloc o215 99
gc drop o215
gc alloc o216 187
gc alloc o217 86
gc drop o217
gc alloc o218 134
gc drop o218
gc alloc o219 89
gc drop o219
gc alloc o220 144
gc alloc o221 181
gc drop o221
gc alloc o222 188
gc drop o222
gc alloc o223 107
gc drop o223
gc alloc o224 105
gc alloc o225 86
gc drop o225
gc alloc o226 180
gc drop o226
gc alloc o227 104
gc drop o227
gc alloc o228 120
gc alloc o229 105
gc drop o229
gc alloc o230 60
gc drop o230
gc alloc o231 192
gc drop o231
gc alloc o232 131
gc alloc o233 109
gc drop o233
gc alloc o234 101
gc drop o234
gc alloc o235 148
gc drop o235
gc alloc o236 52
gc alloc o237 151
gc drop o237
gc alloc o238 58
gc drop o238
gc alloc o239 66
gc drop o239
gc alloc o240 108
gc alloc o241 138
gc drop o241
gc alloc o242 88
gc drop o242
gc alloc o243 193
gc drop o243
gc alloc o244 36
gc alloc o245 200
gc drop o245
gc alloc o246 187
gc drop o246
gc alloc o247 122
gc drop o247
gc alloc o248 59
gc alloc o249 173
gc drop o249
gc alloc o250 164
gc drop o250
gc alloc o251 148
gc drop o251
gc alloc o252 186
gc alloc o253 123
gc drop o253
gc alloc o254 93
gc drop o254
gc alloc o255 175
gc drop o255
gc alloc o256 157
gc alloc o257 179
gc drop o257
gc alloc o258 85
gc drop o258
gc alloc o259 200
gc drop o259
gc alloc o260 23
gc alloc o261 66
gc drop o261
gc alloc o262 56
gc drop o262
gc alloc o263 166
gc drop o263
gc alloc o264 128
gc alloc o265 175
gc drop o265
gc alloc o266 182
gc drop o266
gc alloc o267 62
gc drop o267
gc alloc o268 72
gc alloc o269 191
gc drop o269
gc alloc o270 62
gc drop o270
gc alloc o271 177
gc drop o271
gc alloc o272 199
gc alloc o273 26
gc drop o273
gc alloc o274 136
gc drop o274
gc alloc o275 73
gc drop o275
gc alloc o276 58
gc alloc o277 29
gc drop o277
gc alloc o278 50
gc drop o278
gc alloc o279 44
gc drop o279
gc alloc o280 97
gc alloc o281 62
gc drop o281
gc alloc o282 139
gc drop o282
gc alloc o283 65
gc drop o283
gc alloc o284 156
gc alloc o285 25
gc drop o285
gc alloc o286 122
gc drop o286
gc alloc o287 135
gc drop o287
gc alloc o288 105
gc alloc o289 113
gc drop o289
gc alloc o290 185
gc drop o290
gc alloc o291 172
gc drop o291
gc alloc o292 34
gc alloc o293 167
gc drop o293
gc alloc o294 68
gc drop o294
gc alloc o295 76
gc drop o295
gc alloc o296 199
gc alloc o297 111
gc drop o297
gc alloc o298 16
gc drop o298
gc alloc o299 105
gc drop o299
gc alloc o300 119
gc alloc o301 87
gc drop o301
gc alloc o302 120
gc drop o302
gc alloc o303 45
gc drop o303
gc alloc o304 192
gc alloc o305 156
gc drop o305
gc alloc o306 111
gc drop o306
gc alloc o307 25
gc drop o307
gc alloc o308 156
gc alloc o309 173
gc drop o309
gc alloc o310 93
gc drop o310
gc alloc o311 40
gc drop o311
gc alloc o312 91
gc alloc o313 155
gc drop o313
gc alloc o314 147
gc drop o314
gc alloc o315 102
gc drop o315
gc alloc o316 164
gc alloc o317 91
gc drop o317
gc alloc o318 106
gc drop o318
gc alloc o319 49
gc drop o319
gc alloc o320 123
gc alloc o321 120
gc drop o321
gc alloc o322 160
gc drop o322
gc alloc o323 180
gc drop o323
gc alloc o324 153
gc alloc o325 110
gc drop o325
gc alloc o326 135
gc drop o326
gc alloc o327 52
gc drop o327
gc alloc o328 56
gc alloc o329 168
gc drop o329
gc alloc o330 113
gc drop o330
gc alloc o331 160
gc drop o331
gc alloc o332 138
gc alloc o333 66
gc drop o333
gc alloc o334 50
gc drop o334
gc alloc o335 171
gc drop o335
gc alloc o336 39
gc alloc o337 105
gc drop o337
gc alloc o338 185
gc drop o338
gc alloc o339 16
gc drop o339
gc alloc o340 113
gc alloc o341 43
gc drop o341
gc alloc o342 99
gc drop o342
gc alloc o343 160
gc drop o343
gc alloc o344 173
gc alloc o345 154
gc drop o345
gc alloc o346 52
gc drop o346
gc alloc o347 99
gc drop o347
gc alloc o348 177
gc alloc o349 160
gc drop o349
gc alloc o350 112
gc drop o350
gc alloc o351 125
gc drop o351
gc alloc o352 126
gc alloc o353 73
gc drop o353
gc alloc o354 142
gc drop o354
gc alloc o355 90
gc drop o355
gc alloc o356 138
gc alloc o357 197
gc drop o357
gc alloc o358 113
gc drop o358
gc alloc o359 114
gc drop o359
gc alloc o360 56
gc alloc o361 168
gc drop o361
gc alloc o362 168
gc drop o362
gc alloc o363 82
gc drop o363
gc alloc o364 93
gc alloc o365 143
gc drop o365
gc alloc o366 80
gc drop o366
gc alloc o367 122
gc drop o367
gc alloc o368 21
gc alloc o369 97
gc drop o369
gc alloc o370 94
gc drop o370
gc alloc o371 141
gc drop o371
gc alloc o372 89
gc alloc o373 52
gc drop o373
gc alloc o374 138
gc drop o374
gc alloc o375 22
gc drop o375
gc alloc o376 47
gc alloc o377 184
gc drop o377
gc alloc o378 175
gc drop o378
gc alloc o379 129
gc drop o379
gc alloc o380 78
gc alloc o381 91
gc drop o381
gc alloc o382 26
gc drop o382
gc alloc o383 50
gc drop o383
gc alloc o384 116
gc alloc o385 19
gc drop o385
gc alloc o386 138
gc drop o386
gc alloc o387 152
gc drop o387
gc alloc o388 159
gc alloc o389 86
gc drop o389
gc alloc o390 78
gc drop o390
gc alloc o391 137
gc drop o391
gc alloc o392 25
gc alloc o393 78
gc drop o393
gc alloc o394 141
gc drop o394
gc alloc o395 84
gc drop o395
gc alloc o396 55
gc alloc o397 200
gc drop o397
gc alloc o398 89
gc drop o398
gc alloc o399 91
gc drop o399
gc alloc o400 142
gc alloc o401 171
gc drop o401
gc alloc o402 137
gc drop o402
gc alloc o403 148
gc drop o403
gc alloc o404 181
gc alloc o405 170
gc drop o405
gc alloc o406 46
gc drop o406
gc alloc o407 20
gc drop o407
gc alloc o408 48
gc alloc o409 92
gc drop o409
gc alloc o410 88
gc drop o410
gc alloc o411 152
gc drop o411
gc alloc o412 197
gc alloc o413 102
gc drop o413
gc alloc o414 173
gc drop o414
gc alloc o415 91
gc drop o415
gc alloc o416 151
gc alloc o417 22
gc drop o417
gc alloc o418 134
gc drop o418
gc alloc o419 105
gc drop o419
gc alloc o420 108
gc alloc o421 190
gc drop o421
gc alloc o422 167
gc drop o422
gc alloc o423 49
gc drop o423
gc alloc o424 25
gc alloc o425 16
gc drop o425
gc alloc o426 80
gc drop o426
gc alloc o427 157
gc drop o427
gc alloc o428 132
gc alloc o429 191
gc drop o429
gc alloc o430 43
gc drop o430
gc alloc o431 191
gc drop o431
gc alloc o432 155
gc alloc o433 64
gc drop o433
gc alloc o434 19
gc drop o434
gc alloc o435 125
gc drop o435
gc alloc o436 125
gc alloc o437 168
gc drop o437
gc alloc o438 163
gc drop o438
gc alloc o439 192
gc drop o439
gc alloc o440 197
gc alloc o441 177
gc drop o441
gc alloc o442 182
gc drop o442
gc alloc o443 139
gc drop o443
gc alloc o444 114
gc alloc o445 137
gc drop o445
gc alloc o446 116
gc drop o446
gc alloc o447 190
gc drop o447
gc alloc o448 200
gc alloc o449 66
gc drop o449
gc alloc o450 91
gc drop o450
gc alloc o451 135
gc drop o451
gc alloc o452 32
gc alloc o453 93
gc drop o453
gc alloc o454 16
gc drop o454
gc alloc o455 193
gc drop o455
gc alloc o456 126
gc alloc o457 165
gc drop o457
gc alloc o458 89
gc drop o458
gc alloc o459 181
gc drop o459
gc alloc o460 136
gc alloc o461 95
gc drop o461
gc alloc o462 52
gc drop o462
gc alloc o463 58
gc drop o463
gc alloc o464 138
gc alloc o465 193
gc drop o465
gc alloc o466 156
gc drop o466
gc alloc o467 143
gc drop o467
gc alloc o468 100
gc alloc o469 153
gc drop o469
gc alloc o470 55
gc drop o470
gc alloc o471 124
gc drop o471
gc alloc o472 165
gc alloc o473 154
gc drop o473
gc alloc o474 28
gc drop o474
gc alloc o475 33
gc drop o475
gc alloc o476 74
gc alloc o477 84
gc drop o477
gc alloc o478 37
gc drop o478
gc alloc o479 32
gc drop o479
gc alloc o480 185
gc alloc o481 22
gc drop o481
gc alloc o482 101
gc drop o482
gc alloc o483 200
gc drop o483
gc alloc o484 125
gc alloc o485 33
gc drop o485
gc alloc o486 119
gc drop o486
gc alloc o487 195
gc drop o487
gc alloc o488 140
gc alloc o489 28
gc drop o489
gc alloc o490 47
gc drop o490
gc alloc o491 47
gc drop o491
gc alloc o492 72
gc alloc o493 173
gc drop o493
gc alloc o494 181
gc drop o494
gc alloc o495 44
gc drop o495
gc alloc o496 198
gc alloc o497 50
gc drop o497
gc alloc o498 90
gc drop o498
gc alloc o499 196
gc drop o499
gc alloc o500 128
gc alloc o501 54
gc drop o501
gc alloc o502 62
gc drop o502
gc alloc o503 172
gc drop o503
gc alloc o504 63
gc alloc o505 121
gc drop o505
gc alloc o506 57
gc drop o506
gc alloc o507 33
gc drop o507
gc alloc o508 175
gc alloc o509 70
gc drop o509
gc alloc o510 27
gc drop o510
gc alloc o511 158
gc drop o511
gc alloc o512 43
gc alloc o513 185
gc drop o513
gc alloc o514 113
gc drop o514
gc alloc o515 34
gc drop o515
gc alloc o516 87
gc alloc o517 30
gc drop o517
gc alloc o518 162
gc drop o518
gc alloc o519 163
gc drop o519
gc alloc o520 46
gc alloc o521 118
gc drop o521
gc alloc o522 175
gc drop o522
gc alloc o523 50
gc drop o523
gc alloc o524 18
gc alloc o525 126
gc drop o525
gc alloc o526 39
gc drop o526
gc alloc o527 96
gc drop o527
gc alloc o528 191
gc alloc o529 169
gc drop o529
gc alloc o530 141
gc drop o530
gc alloc o531 141
gc drop o531
gc alloc o532 106
gc alloc o533 183
gc drop o533
gc alloc o534 111
gc drop o534
gc alloc o535 30
gc drop o535
gc alloc o536 51
gc alloc o537 194
gc drop o537
gc alloc o538 91
gc drop o538
gc alloc o539 54
gc drop o539
gc alloc o540 161
gc alloc o541 177
gc drop o541
gc alloc o542 189
gc drop o542
gc alloc o543 145
gc drop o543
gc alloc o544 90
gc alloc o545 158
gc drop o545
gc alloc o546 156
gc drop o546
gc alloc o547 174
gc drop o547
gc alloc o548 72
gc alloc o549 83
gc drop o549
gc alloc o550 32
gc drop o550
gc alloc o551 157
gc drop o551
gc alloc o552 76
gc alloc o553 81
gc drop o553
gc alloc o554 88
gc drop o554
gc alloc o555 148
gc drop o555
gc alloc o556 50
gc alloc o557 76
gc drop o557
gc alloc o558 111
gc drop o558
gc alloc o559 132
gc drop o559
gc alloc o560 115
gc alloc o561 61
gc drop o561
gc alloc o562 49
gc drop o562
gc alloc o563 198
gc drop o563
gc alloc o564 20
gc alloc o565 183
gc drop o565
gc alloc o566 103
gc drop o566
gc alloc o567 37
gc drop o567
gc alloc o568 162
gc alloc o569 186
gc drop o569
gc alloc o570 25
gc drop o570
gc alloc o571 39
gc drop o571
gc alloc o572 47
gc alloc o573 145
gc drop o573
gc alloc o574 168
gc drop o574
gc alloc o575 132
gc drop o575
gc alloc o576 77
gc alloc o577 115
gc drop o577
gc alloc o578 134
gc drop o578
gc alloc o579 138
gc drop o579
gc alloc o580 98
gc alloc o581 43
gc drop o581
gc alloc o582 151
gc drop o582
gc alloc o583 23
gc drop o583
gc alloc o584 154
gc alloc o585 114
gc drop o585
gc alloc o586 29
gc drop o586
gc alloc o587 54
gc drop o587
gc alloc o588 125
gc alloc o589 190
gc drop o589
gc alloc o590 73
gc drop o590
gc alloc o591 45
gc drop o591
gc alloc o592 37
gc alloc o593 186
gc drop o593
gc alloc o594 141
gc drop o594
gc alloc o595 70
gc drop o595
gc alloc o596 51
gc alloc o597 195
gc drop o597
gc alloc o598 175
gc drop o598
gc alloc o599 112
gc drop o599
gc alloc o600 106
gc alloc o601 76
gc drop o601
gc alloc o602 90
gc drop o602
gc alloc o603 101
gc drop o603
gc alloc o604 173
gc alloc o605 196
gc drop o605
gc alloc o606 105
gc drop o606
gc alloc o607 114
gc drop o607
gc alloc o608 112
gc alloc o609 50
gc drop o609
gc alloc o610 107
gc drop o610
gc alloc o611 181
gc drop o611
gc alloc o612 91
gc alloc o613 177
gc drop o613
gc alloc o614 126
gc drop o614
gc alloc o615 108
gc drop o615
gc alloc o616 148
gc alloc o617 25
gc drop o617
gc alloc o618 167
gc drop o618
gc alloc o619 162
gc drop o619
gc alloc o620 71
gc alloc o621 62
gc drop o621
gc alloc o622 117
gc drop o622
gc alloc o623 32
gc drop o623
gc alloc o624 40
gc alloc o625 25
gc drop o625
gc alloc o626 24
gc drop o626
gc alloc o627 63
gc drop o627
gc alloc o628 67
gc alloc o629 66
gc drop o629
gc alloc o630 26
gc drop o630
gc alloc o631 141
gc drop o631
gc alloc o632 139
gc alloc o633 185
gc drop o633
gc alloc o634 105
gc drop o634
gc alloc o635 16
gc drop o635
gc alloc o636 125
gc alloc o637 136
gc drop o637
gc alloc o638 92
gc drop o638
gc alloc o639 174
gc drop o639
gc alloc o640 125
gc alloc o641 98
gc drop o641
gc alloc o642 135
gc drop o642
gc alloc o643 134
gc drop o643
gc alloc o644 41
gc alloc o645 65
gc drop o645
gc alloc o646 55
gc drop o646
gc alloc o647 183
gc drop o647
gc alloc o648 56
gc alloc o649 34
gc drop o649
gc alloc o650 111
gc drop o650
gc alloc o651 114
gc drop o651
gc alloc o652 136
gc alloc o653 54
gc drop o653
gc alloc o654 157
gc drop o654
gc alloc o655 81
gc drop o655
gc alloc o656 44
gc alloc o657 87
gc drop o657
gc alloc o658 57
gc drop o658
gc alloc o659 89
gc drop o659
gc alloc o660 188
gc alloc o661 76
gc drop o661
gc alloc o662 24
gc drop o662
gc alloc o663 139
gc drop o663
gc alloc o664 24
gc alloc o665 104
gc drop o665
gc alloc o666 110
gc drop o666
gc alloc o667 96
gc drop o667
gc alloc o668 31
gc alloc o669 192
gc drop o669
gc alloc o670 21
gc drop o670
gc alloc o671 188
gc drop o671
gc alloc o672 132
gc alloc o673 136
gc drop o673
gc alloc o674 55
gc drop o674
gc alloc o675 46
gc drop o675
gc alloc o676 187
gc alloc o677 99
gc drop o677
gc alloc o678 90
gc drop o678
gc alloc o679 132
gc drop o679
gc alloc o680 188
gc alloc o681 77
gc drop o681
gc alloc o682 57
gc drop o682
gc alloc o683 24
gc drop o683
gc alloc o684 67
gc alloc o685 198
gc drop o685
gc alloc o686 22
gc drop o686
gc alloc o687 163
gc drop o687
gc alloc o688 75
gc alloc o689 184
gc drop o689
gc alloc o690 36
gc drop o690
gc alloc o691 174
gc drop o691
gc alloc o692 118
gc alloc o693 196
gc drop o693
gc alloc o694 109
gc drop o694
gc alloc o695 190
gc drop o695
gc alloc o696 95
gc alloc o697 63
gc drop o697
gc alloc o698 135
gc drop o698
gc alloc o699 108
gc drop o699
gc alloc o700 88
gc alloc o701 33
gc drop o701
gc alloc o702 199
gc drop o702
gc alloc o703 135
gc drop o703
gc alloc o704 57
gc alloc o705 77
gc drop o705
gc alloc o706 60
gc drop o706
gc alloc o707 188
gc drop o707
gc alloc o708 69
gc alloc o709 27
gc drop o709
gc alloc o710 181
gc drop o710
gc alloc o711 171
gc drop o711
gc alloc o712 126
gc alloc o713 85
gc drop o713
gc alloc o714 17
gc drop o714
gc alloc o715 134
gc drop o715
gc alloc o716 31
gc alloc o717 131
gc drop o717
gc alloc o718 190
gc drop o718
gc alloc o719 121
gc drop o719
gc alloc o720 59
gc alloc o721 27
gc drop o721
gc alloc o722 24
gc drop o722
gc alloc o723 156
gc drop o723
gc alloc o724 148
gc alloc o725 160
gc drop o725
gc alloc o726 105
gc drop o726
gc alloc o727 40
gc drop o727
gc alloc o728 199
gc alloc o729 34
gc drop o729
gc alloc o730 76
gc drop o730
gc alloc o731 141
gc drop o731
gc alloc o732 39
gc alloc o733 136
gc drop o733
gc alloc o734 29
gc drop o734
gc alloc o735 190
gc drop o735
gc alloc o736 78
gc alloc o737 180
gc drop o737
gc alloc o738 28
gc drop o738
gc alloc o739 143
gc drop o739
gc alloc o740 117
gc alloc o741 31
gc drop o741
gc alloc o742 28
gc drop o742
gc alloc o743 81
gc drop o743
gc alloc o744 120
gc alloc o745 130
gc drop o745
gc alloc o746 94
gc drop o746
gc alloc o747 179
gc drop o747
gc alloc o748 29
gc alloc o749 25
gc drop o749
gc alloc o750 65
gc drop o750
gc alloc o751 61
gc drop o751
gc alloc o752 194
gc alloc o753 146
gc drop o753
gc alloc o754 179
gc drop o754
gc alloc o755 119
gc drop o755
gc alloc o756 64
gc alloc o757 152
gc drop o757
gc alloc o758 75
gc drop o758
gc alloc o759 37
gc drop o759
gc alloc o760 96
gc alloc o761 43
gc drop o761
gc alloc o762 38
gc drop o762
gc alloc o763 154
gc drop o763
gc alloc o764 57
gc alloc o765 169
gc drop o765
gc alloc o766 35
gc drop o766
gc alloc o767 70
gc drop o767
gc alloc o768 175
gc alloc o769 20
gc drop o769
gc alloc o770 128
gc drop o770
gc alloc o771 154
gc drop o771
gc alloc o772 107
gc alloc o773 140
gc drop o773
gc alloc o774 124
gc drop o774
gc alloc o775 162
gc drop o775
gc alloc o776 112
gc alloc o777 149
gc drop o777
gc alloc o778 176
gc drop o778
gc alloc o779 49
gc drop o779
gc alloc o780 19
gc alloc o781 94
gc drop o781
gc alloc o782 192
gc drop o782
gc alloc o783 130
gc drop o783
gc alloc o784 73
gc alloc o785 157
gc drop o785
gc alloc o786 45
gc drop o786
gc alloc o787 51
gc drop o787
gc alloc o788 95
gc alloc o789 139
gc drop o789
gc alloc o790 38
gc drop o790
gc alloc o791 83
gc drop o791
gc alloc o792 119
gc alloc o793 96
gc drop o793
gc alloc o794 49
gc drop o794
gc alloc o795 49
gc drop o795
gc alloc o796 153
gc alloc o797 36
gc drop o797
gc alloc o798 136
gc drop o798
gc alloc o799 78
gc drop o799
gc alloc o800 194
gc alloc o801 37
gc drop o801
gc alloc o802 125
gc drop o802
gc alloc o803 163
gc drop o803
gc alloc o804 186
gc alloc o805 78
gc drop o805
gc alloc o806 86
gc drop o806
gc alloc o807 31
gc drop o807
gc alloc o808 142
gc alloc o809 195
gc drop o809
gc alloc o810 79
gc drop o810
gc alloc o811 28
gc drop o811
gc alloc o812 196
gc alloc o813 67
gc drop o813
gc alloc o814 89
gc drop o814
gc alloc o815 111
gc drop o815
gc alloc o816 41
gc alloc o817 34
gc drop o817
gc alloc o818 123
gc drop o818
gc alloc o819 96
gc drop o819
gc alloc o820 113
gc alloc o821 158
gc drop o821
gc alloc o822 16
gc drop o822
gc alloc o823 89
gc drop o823
gc alloc o824 183
gc alloc o825 49
gc drop o825
gc alloc o826 163
gc drop o826
gc alloc o827 23
gc drop o827
gc alloc o828 129
gc alloc o829 52
gc drop o829
gc alloc o830 192
gc drop o830
gc alloc o831 183
gc drop o831
gc alloc o832 20
gc alloc o833 28
gc drop o833
gc alloc o834 195
gc drop o834
gc alloc o835 125
gc drop o835
gc alloc o836 84
gc alloc o837 43
gc drop o837
gc alloc o838 113
gc drop o838
gc alloc o839 159
gc drop o839
gc alloc o840 49
gc alloc o841 98
gc drop o841
gc alloc o842 32
gc drop o842
gc alloc o843 94
gc drop o843
gc alloc o844 59
gc alloc o845 51
gc drop o845
gc alloc o846 83
gc drop o846
gc alloc o847 143
gc drop o847
gc alloc o848 189
gc alloc o849 98
gc drop o849
gc alloc o850 89
gc drop o850
gc alloc o851 24
gc drop o851
gc alloc o852 32
gc alloc o853 154
gc drop o853
gc alloc o854 158
gc drop o854
gc alloc o855 23
gc drop o855
gc alloc o856 23
gc alloc o857 47
gc drop o857
gc alloc o858 28
gc drop o858
gc alloc o859 49
gc drop o859
gc alloc o860 107
gc alloc o861 127
gc drop o861
gc alloc o862 82
gc drop o862
gc alloc o863 172
gc drop o863
gc alloc o864 20
gc alloc o865 75
gc drop o865
gc alloc o866 151
gc drop o866
gc alloc o867 125
gc drop o867
gc alloc o868 48
gc alloc o869 108
gc drop o869
gc alloc o870 67
gc drop o870
gc alloc o871 100
gc drop o871
gc alloc o872 107
gc alloc o873 19
gc drop o873
gc alloc o874 57
gc drop o874
gc alloc o875 165
gc drop o875
gc alloc o876 174
gc alloc o877 57
gc drop o877
gc alloc o878 40
gc drop o878
gc alloc o879 84
gc drop o879
gc alloc o880 151
gc alloc o881 171
gc drop o881
gc alloc o882 59
gc drop o882
gc alloc o883 177
gc drop o883
gc alloc o884 197
gc alloc o885 52
gc drop o885
gc alloc o886 130
gc drop o886
gc alloc o887 127
gc drop o887
gc alloc o888 125
gc alloc o889 46
gc drop o889
gc alloc o890 101
gc drop o890
gc alloc o891 97
gc drop o891
gc alloc o892 130
gc alloc o893 74
gc drop o893
gc alloc o894 134
gc drop o894
gc alloc o895 168
gc drop o895
gc alloc o896 127
gc alloc o897 59
gc drop o897
gc alloc o898 129
gc drop o898
gc alloc o899 28
gc drop o899
gc alloc o900 187
gc alloc o901 57
gc drop o901
gc alloc o902 152
gc drop o902
gc alloc o903 137
gc drop o903
gc alloc o904 141
gc alloc o905 168
gc drop o905
gc alloc o906 16
gc drop o906
gc alloc o907 42
gc drop o907
gc alloc o908 48
gc alloc o909 123
gc drop o909
gc alloc o910 191
gc drop o910
gc alloc o911 29
gc drop o911
gc alloc o912 69
gc alloc o913 16
gc drop o913
gc alloc o914 24
gc drop o914
gc alloc o915 163
gc drop o915
gc alloc o916 76
gc alloc o917 139
gc drop o917
gc alloc o918 196
gc drop o918
gc alloc o919 106
gc drop o919
gc alloc o920 116
gc alloc o921 134
gc drop o921
gc alloc o922 71
gc drop o922
gc alloc o923 67
gc drop o923
gc alloc o924 86
gc alloc o925 67
gc drop o925
gc alloc o926 93
gc drop o926
gc alloc o927 159
gc drop o927
gc alloc o928 148
gc alloc o929 107
gc drop o929
gc alloc o930 77
gc drop o930
gc alloc o931 109
gc drop o931
gc alloc o932 106
gc alloc o933 79
gc drop o933
gc alloc o934 185
gc drop o934
gc alloc o935 31
gc drop o935
gc alloc o936 174
gc alloc o937 142
gc drop o937
gc alloc o938 118
gc drop o938
gc alloc o939 105
gc drop o939
gc alloc o940 52
gc alloc o941 52
gc drop o941
gc alloc o942 77
gc drop o942
gc alloc o943 141
gc drop o943
gc alloc o944 113
gc alloc o945 25
gc drop o945
gc alloc o946 40
gc drop o946
gc alloc o947 59
gc drop o947
gc alloc o948 117
gc alloc o949 41
gc drop o949
gc alloc o950 199
gc drop o950
gc alloc o951 88
gc drop o951
gc alloc o952 67
gc alloc o953 98
gc drop o953
gc alloc o954 138
gc drop o954
gc alloc o955 190
gc drop o955
gc alloc o956 136
gc alloc o957 152
gc drop o957
gc alloc o958 175
gc drop o958
gc alloc o959 39
gc drop o959
gc alloc o960 66
gc alloc o961 112
gc drop o961
gc alloc o962 192
gc drop o962
gc alloc o963 18
gc drop o963
gc alloc o964 42
gc alloc o965 147
gc drop o965
gc alloc o966 170
gc drop o966
gc alloc o967 166
gc drop o967
gc alloc o968 174
gc alloc o969 63
gc drop o969
gc alloc o970 115
gc drop o970
gc alloc o971 21
gc drop o971
gc alloc o972 97
gc alloc o973 189
gc drop o973
gc alloc o974 22
gc drop o974
gc alloc o975 172
gc drop o975
gc alloc o976 95
gc alloc o977 147
gc drop o977
gc alloc o978 114
gc drop o978
gc alloc o979 144
gc drop o979
gc alloc o980 137
gc alloc o981 155
gc drop o981
gc alloc o982 196
gc drop o982
gc alloc o983 192
gc drop o983
gc alloc o984 118
gc alloc o985 131
gc drop o985
gc alloc o986 164
gc drop o986
gc alloc o987 193
gc drop o987
gc alloc o988 158
gc alloc o989 187
gc drop o989
gc alloc o990 31
gc drop o990
gc alloc o991 153
gc drop o991
gc alloc o992 53
gc alloc o993 122
gc drop o993
gc alloc o994 108
gc drop o994
gc alloc o995 167
gc drop o995
gc alloc o996 21
gc alloc o997 189
gc drop o997
gc alloc o998 149
gc drop o998
gc alloc o999 68
gc drop o999
gc alloc o1000 88
gc alloc o1001 89
gc drop o1001
gc alloc o1002 35
gc drop o1002
gc alloc o1003 22
gc drop o1003
gc alloc o1004 38
gc alloc o1005 107
gc drop o1005
gc alloc o1006 172
gc drop o1006
gc alloc o1007 164
gc drop o1007
gc alloc o1008 198
gc alloc o1009 121
gc drop o1009
gc alloc o1010 94
gc drop o1010
gc alloc o1011 19
gc drop o1011
gc alloc o1012 86
gc alloc o1013 199
gc drop o1013
gc alloc o1014 76
gc drop o1014
gc alloc o1015 34
gc drop o1015
gc alloc o1016 25
gc alloc o1017 38
gc drop o1017
gc alloc o1018 187
gc drop o1018
gc alloc o1019 92
gc drop o1019
gc alloc o1020 105
gc alloc o1021 192
gc drop o1021
gc alloc o1022 171
gc drop o1022
gc alloc o1023 172
gc drop o1023
gc alloc o1024 159
gc alloc o1025 69
gc drop o1025
gc alloc o1026 139
gc drop o1026
gc alloc o1027 148
gc drop o1027
gc alloc o1028 39
gc alloc o1029 46
gc drop o1029
gc alloc o1030 77
gc drop o1030
gc alloc o1031 103
gc drop o1031
gc alloc o1032 155
gc alloc o1033 124
gc drop o1033
gc alloc o1034 116
gc drop o1034
gc alloc o1035 16
gc drop o1035
gc alloc o1036 187
gc alloc o1037 115
gc drop o1037
gc alloc o1038 112
gc drop o1038
gc alloc o1039 61
gc drop o1039
gc alloc o1040 183
gc alloc o1041 151
gc drop o1041
gc alloc o1042 69
gc drop o1042
gc alloc o1043 189
gc drop o1043
gc alloc o1044 173
gc alloc o1045 98
gc drop o1045
gc alloc o1046 114
gc drop o1046
gc alloc o1047 98
gc drop o1047
gc alloc o1048 43
gc alloc o1049 192
gc drop o1049
gc alloc o1050 157
gc drop o1050
gc alloc o1051 192
gc drop o1051
gc alloc o1052 199
gc alloc o1053 111
gc drop o1053
gc alloc o1054 79
gc drop o1054
gc alloc o1055 41
gc drop o1055
gc alloc o1056 70
gc alloc o1057 91
gc drop o1057
gc alloc o1058 94
gc drop o1058
gc alloc o1059 84
gc drop o1059
gc alloc o1060 175
gc alloc o1061 35
gc drop o1061
gc alloc o1062 58
gc drop o1062
gc alloc o1063 35
gc drop o1063
gc alloc o1064 177
gc alloc o1065 121
gc drop o1065
gc alloc o1066 63
gc drop o1066
gc alloc o1067 73
gc drop o1067
gc alloc o1068 183
gc alloc o1069 32
gc drop o1069
gc alloc o1070 161
gc drop o1070
gc alloc o1071 160
gc drop o1071
gc alloc o1072 176
gc alloc o1073 179
gc drop o1073
gc alloc o1074 155
gc drop o1074
gc alloc o1075 120
gc drop o1075
gc alloc o1076 122
gc alloc o1077 75
gc drop o1077
gc alloc o1078 124
gc drop o1078
gc alloc o1079 139
gc drop o1079
gc alloc o1080 151
gc alloc o1081 168
gc drop o1081
gc alloc o1082 78
gc drop o1082
gc alloc o1083 93
gc drop o1083
gc alloc o1084 123
gc alloc o1085 87
gc drop o1085
gc alloc o1086 37
gc drop o1086
gc alloc o1087 170
gc drop o1087
gc alloc o1088 100
gc alloc o1089 63
gc drop o1089
gc alloc o1090 123
gc drop o1090
gc alloc o1091 23
gc drop o1091
gc alloc o1092 54
gc alloc o1093 45
gc drop o1093
gc alloc o1094 91
gc drop o1094
gc alloc o1095 160
gc drop o1095
gc alloc o1096 158
gc alloc o1097 170
gc drop o1097
gc alloc o1098 160
gc drop o1098
gc alloc o1099 63
gc drop o1099
gc alloc o1100 127
gc alloc o1101 64
gc drop o1101
gc alloc o1102 99
gc drop o1102
gc alloc o1103 168
gc drop o1103
gc alloc o1104 42
gc alloc o1105 181
gc drop o1105
gc alloc o1106 192
gc drop o1106
gc alloc o1107 100
gc drop o1107
gc alloc o1108 35
gc alloc o1109 31
gc drop o1109
gc alloc o1110 140
gc drop o1110
gc alloc o1111 51
gc drop o1111
gc alloc o1112 148
gc alloc o1113 34
gc drop o1113
gc alloc o1114 97
gc drop o1114
gc alloc o1115 64
gc drop o1115
gc alloc o1116 135
gc alloc o1117 181
gc drop o1117
gc alloc o1118 114
gc drop o1118
gc alloc o1119 74
gc drop o1119
gc alloc o1120 194
gc alloc o1121 173
gc drop o1121
gc alloc o1122 138
gc drop o1122
gc alloc o1123 41
gc drop o1123
gc alloc o1124 16
gc alloc o1125 65
gc drop o1125
gc alloc o1126 188
gc drop o1126
gc alloc o1127 56
gc drop o1127
gc alloc o1128 44
gc alloc o1129 39
gc drop o1129
gc alloc o1130 101
gc drop o1130
gc alloc o1131 54
gc drop o1131
gc alloc o1132 110
gc alloc o1133 173
gc drop o1133
gc alloc o1134 42
gc drop o1134
gc alloc o1135 163
gc drop o1135
gc alloc o1136 128
gc alloc o1137 98
gc drop o1137
gc alloc o1138 62
gc drop o1138
gc alloc o1139 198
gc drop o1139
gc alloc o1140 156
gc alloc o1141 164
gc drop o1141
gc alloc o1142 176
gc drop o1142
gc alloc o1143 42
gc drop o1143
gc alloc o1144 109
gc alloc o1145 42
gc drop o1145
gc alloc o1146 32
gc drop o1146
gc alloc o1147 66
gc drop o1147
gc alloc o1148 68
gc alloc o1149 98
gc drop o1149
gc alloc o1150 111
gc drop o1150
gc alloc o1151 60
gc drop o1151
gc alloc o1152 133
gc alloc o1153 190
gc drop o1153
gc alloc o1154 37
gc drop o1154
gc alloc o1155 78
gc drop o1155
gc alloc o1156 119
gc alloc o1157 155
gc drop o1157
gc alloc o1158 135
gc drop o1158
gc alloc o1159 112
gc drop o1159
gc alloc o1160 17
gc alloc o1161 46
gc drop o1161
gc alloc o1162 168
gc drop o1162
gc alloc o1163 111
gc drop o1163
gc alloc o1164 49
gc alloc o1165 191
gc drop o1165
gc alloc o1166 16
gc drop o1166
gc alloc o1167 142
gc drop o1167
gc alloc o1168 113
gc alloc o1169 103
gc drop o1169
gc alloc o1170 34
gc drop o1170
gc alloc o1171 141
gc drop o1171
gc alloc o1172 200
gc alloc o1173 198
gc drop o1173
gc alloc o1174 91
gc drop o1174
gc alloc o1175 20
gc drop o1175
gc alloc o1176 45
gc alloc o1177 138
gc drop o1177
gc alloc o1178 106
gc drop o1178
gc alloc o1179 66
gc drop o1179
gc alloc o1180 103
gc alloc o1181 113
gc drop o1181
gc alloc o1182 52
gc drop o1182
gc alloc o1183 90
gc drop o1183
gc alloc o1184 143
gc alloc o1185 180
gc drop o1185
gc alloc o1186 194
gc drop o1186
gc alloc o1187 38
gc drop o1187
gc alloc o1188 163
gc alloc o1189 44
gc drop o1189
gc alloc o1190 91
gc drop o1190
gc alloc o1191 120
gc drop o1191
gc alloc o1192 102
gc alloc o1193 32
gc drop o1193
gc alloc o1194 148
gc drop o1194
gc alloc o1195 126
gc drop o1195
gc alloc o1196 28
gc alloc o1197 72
gc drop o1197
gc alloc o1198 123
gc drop o1198
gc alloc o1199 76
gc drop o1199
gc alloc o1200 85
gc alloc o1201 186
gc drop o1201
gc alloc o1202 200
gc drop o1202
gc alloc o1203 34
gc drop o1203
gc alloc o1204 53
gc alloc o1205 85
gc drop o1205
gc alloc o1206 40
gc drop o1206
gc alloc o1207 157
gc drop o1207
gc alloc o1208 138
gc alloc o1209 126
gc drop o1209
gc alloc o1210 62
gc drop o1210
gc alloc o1211 154
gc drop o1211
gc alloc o1212 114
gc alloc o1213 78
gc drop o1213
gc alloc o1214 39
gc drop o1214
gc alloc o1215 131
gc drop o1215
gc alloc o1216 107
gc alloc o1217 49
gc drop o1217
gc alloc o1218 37
gc drop o1218
gc alloc o1219 17
gc drop o1219
gc alloc o1220 52
gc alloc o1221 108
gc drop o1221
gc alloc o1222 20
gc drop o1222
gc alloc o1223 21
gc drop o1223
gc alloc o1224 80
gc alloc o1225 159
gc drop o1225
gc alloc o1226 133
gc drop o1226
gc alloc o1227 114
gc drop o1227
gc alloc o1228 148
gc alloc o1229 36
gc drop o1229
gc alloc o1230 29
gc drop o1230
gc alloc o1231 71
gc drop o1231
gc alloc o1232 65
gc alloc o1233 129
gc drop o1233
gc alloc o1234 19
gc drop o1234
gc alloc o1235 136
gc drop o1235
gc alloc o1236 148
gc alloc o1237 37
gc drop o1237
gc alloc o1238 87
gc drop o1238
gc alloc o1239 169
gc drop o1239
gc alloc o1240 191
gc alloc o1241 136
gc drop o1241
gc alloc o1242 146
gc drop o1242
gc alloc o1243 21
gc drop o1243
gc alloc o1244 29
gc alloc o1245 56
gc drop o1245
gc alloc o1246 116
gc drop o1246
gc alloc o1247 144
gc drop o1247
gc alloc o1248 127
gc alloc o1249 167
gc drop o1249
gc alloc o1250 185
gc drop o1250
gc alloc o1251 181
gc drop o1251
gc alloc o1252 174
gc alloc o1253 178
gc drop o1253
gc alloc o1254 166
gc drop o1254
gc alloc o1255 25
gc drop o1255
gc alloc o1256 71
gc alloc o1257 22
gc drop o1257
gc alloc o1258 123
gc drop o1258
gc alloc o1259 121
gc drop o1259
gc alloc o1260 126
gc alloc o1261 112
gc drop o1261
gc alloc o1262 19
gc drop o1262
gc alloc o1263 58
gc drop o1263
gc alloc o1264 102
gc alloc o1265 53
gc drop o1265
gc alloc o1266 93
gc drop o1266
gc alloc o1267 64
gc drop o1267
gc alloc o1268 124
gc alloc o1269 35
gc drop o1269
gc alloc o1270 110
gc drop o1270
gc alloc o1271 71
gc drop o1271
gc alloc o1272 116
gc alloc o1273 123
gc drop o1273
gc alloc o1274 64
gc drop o1274
gc alloc o1275 85
gc drop o1275
gc alloc o1276 51
gc alloc o1277 136
gc drop o1277
gc alloc o1278 109
gc drop o1278
gc alloc o1279 89
gc drop o1279
gc alloc o1280 16
gc alloc o1281 186
gc drop o1281
gc alloc o1282 178
gc drop o1282
gc alloc o1283 47
gc drop o1283
gc alloc o1284 59
gc alloc o1285 133
gc drop o1285
gc alloc o1286 35
gc drop o1286
gc alloc o1287 34
gc drop o1287
gc alloc o1288 191
gc alloc o1289 113
gc drop o1289
gc alloc o1290 25
gc drop o1290
gc alloc o1291 120
gc drop o1291
gc alloc o1292 54
gc alloc o1293 66
gc drop o1293
gc alloc o1294 181
gc drop o1294
gc alloc o1295 20
gc drop o1295
gc alloc o1296 142
gc alloc o1297 97
gc drop o1297
gc alloc o1298 169
gc drop o1298
gc alloc o1299 133
gc drop o1299
gc alloc o1300 50
gc alloc o1301 135
gc drop o1301
gc alloc o1302 76
gc drop o1302
gc alloc o1303 35
gc drop o1303
gc alloc o1304 109
gc alloc o1305 174
gc drop o1305
gc alloc o1306 23
gc drop o1306
gc alloc o1307 19
gc drop o1307
gc alloc o1308 63
gc alloc o1309 125
gc drop o1309
gc alloc o1310 37
gc drop o1310
gc alloc o1311 84
gc drop o1311
gc alloc o1312 49
gc alloc o1313 183
gc drop o1313
gc alloc o1314 111
gc drop o1314
gc alloc o1315 101
gc drop o1315
gc alloc o1316 70
gc alloc o1317 54
gc drop o1317
gc alloc o1318 91
gc drop o1318
gc alloc o1319 148
gc drop o1319
gc alloc o1320 195
gc alloc o1321 158
gc drop o1321
gc alloc o1322 39
gc drop o1322
gc alloc o1323 88
gc drop o1323
gc alloc o1324 44
gc alloc o1325 43
gc drop o1325
gc alloc o1326 180
gc drop o1326
gc alloc o1327 118
gc drop o1327
gc alloc o1328 111
gc alloc o1329 93
gc drop o1329
gc alloc o1330 110
gc drop o1330
gc alloc o1331 138
gc drop o1331
gc alloc o1332 156
gc alloc o1333 164
gc drop o1333
gc alloc o1334 129
gc drop o1334
gc alloc o1335 77
gc drop o1335
gc alloc o1336 161
gc alloc o1337 51
gc drop o1337
gc alloc o1338 83
gc drop o1338
gc alloc o1339 20
gc drop o1339
gc alloc o1340 155
gc alloc o1341 19
gc drop o1341
gc alloc o1342 114
gc drop o1342
gc alloc o1343 50
gc drop o1343
gc alloc o1344 76
gc alloc o1345 139
gc drop o1345
gc alloc o1346 186
gc drop o1346
gc alloc o1347 196
gc drop o1347
gc alloc o1348 30
gc alloc o1349 18
gc drop o1349
gc alloc o1350 19
gc drop o1350
gc alloc o1351 70
gc drop o1351
gc alloc o1352 123
gc alloc o1353 75
gc drop o1353
gc alloc o1354 145
gc drop o1354
gc alloc o1355 199
gc drop o1355
gc alloc o1356 172
gc alloc o1357 76
gc drop o1357
gc alloc o1358 94
gc drop o1358
gc alloc o1359 30
gc drop o1359
gc alloc o1360 144
gc alloc o1361 77
gc drop o1361
gc alloc o1362 25
gc drop o1362
gc alloc o1363 193
gc drop o1363
gc alloc o1364 114
gc alloc o1365 104
gc drop o1365
gc alloc o1366 21
gc drop o1366
gc alloc o1367 158
gc drop o1367
gc alloc o1368 92
gc alloc o1369 128
gc drop o1369
gc alloc o1370 131
gc drop o1370
gc alloc o1371 42
gc drop o1371
gc alloc o1372 183
gc alloc o1373 47
gc drop o1373
gc alloc o1374 110
gc drop o1374
gc alloc o1375 161
gc drop o1375
gc alloc o1376 151
gc alloc o1377 86
gc drop o1377
gc alloc o1378 198
gc drop o1378
gc alloc o1379 165
gc drop o1379
gc alloc o1380 168
gc alloc o1381 115
gc drop o1381
gc alloc o1382 112
gc drop o1382
gc alloc o1383 93
gc drop o1383
gc alloc o1384 58
gc alloc o1385 167
gc drop o1385
gc alloc o1386 190
gc drop o1386
gc alloc o1387 35
gc drop o1387
gc alloc o1388 181
gc alloc o1389 130
gc drop o1389
gc alloc o1390 30
gc drop o1390
gc alloc o1391 70
gc drop o1391
gc alloc o1392 151
gc alloc o1393 174
gc drop o1393
gc alloc o1394 115
gc drop o1394
gc alloc o1395 41
gc drop o1395
gc alloc o1396 147
gc alloc o1397 92
gc drop o1397
gc alloc o1398 157
gc drop o1398
gc alloc o1399 111
gc drop o1399
gc alloc o1400 120
gc alloc o1401 51
gc drop o1401
gc alloc o1402 132
gc drop o1402
gc alloc o1403 105
gc drop o1403
gc alloc o1404 32
gc alloc o1405 142
gc drop o1405
gc alloc o1406 16
gc drop o1406
gc alloc o1407 160
gc drop o1407
gc alloc o1408 160
gc alloc o1409 69
gc drop o1409
gc alloc o1410 161
gc drop o1410
gc alloc o1411 132
gc drop o1411
gc alloc o1412 26
gc alloc o1413 31
gc drop o1413
gc alloc o1414 38
gc drop o1414
gc alloc o1415 45
gc drop o1415
gc alloc o1416 103
gc alloc o1417 52
gc drop o1417
gc alloc o1418 111
gc drop o1418
gc alloc o1419 103
gc drop o1419
gc alloc o1420 83
gc alloc o1421 86
gc drop o1421
gc alloc o1422 139
gc drop o1422
gc alloc o1423 52
gc drop o1423
gc alloc o1424 47
gc alloc o1425 83
gc drop o1425
gc alloc o1426 80
gc drop o1426
gc alloc o1427 22
gc drop o1427
gc alloc o1428 176
gc alloc o1429 80
gc drop o1429
gc alloc o1430 115
gc drop o1430
gc alloc o1431 58
gc drop o1431
gc alloc o1432 176
gc alloc o1433 78
gc drop o1433
gc alloc o1434 195
gc drop o1434
gc alloc o1435 83
gc drop o1435
gc alloc o1436 167
gc alloc o1437 128
gc drop o1437
gc alloc o1438 61
gc drop o1438
gc alloc o1439 168
gc drop o1439
gc alloc o1440 51
gc alloc o1441 160
gc drop o1441
gc alloc o1442 29
gc drop o1442
gc alloc o1443 106
gc drop o1443
gc alloc o1444 159
gc alloc o1445 47
gc drop o1445
gc alloc o1446 18
gc drop o1446
gc alloc o1447 132
gc drop o1447
gc alloc o1448 27
gc alloc o1449 193
gc drop o1449
gc alloc o1450 172
gc drop o1450
gc alloc o1451 142
gc drop o1451
gc alloc o1452 188
gc alloc o1453 182
gc drop o1453
gc alloc o1454 26
gc drop o1454
gc alloc o1455 22
gc drop o1455
gc alloc o1456 166
gc alloc o1457 121
gc drop o1457
gc alloc o1458 46
gc drop o1458
gc alloc o1459 121
gc drop o1459
gc alloc o1460 200
gc alloc o1461 151
gc drop o1461
gc alloc o1462 172
gc drop o1462
gc alloc o1463 129
gc drop o1463
gc alloc o1464 172
gc alloc o1465 163
gc drop o1465
gc alloc o1466 72
gc drop o1466
gc alloc o1467 153
gc drop o1467
gc alloc o1468 194
gc alloc o1469 44
gc drop o1469
gc alloc o1470 196
gc drop o1470
gc alloc o1471 32
gc drop o1471
gc alloc o1472 200
gc alloc o1473 191
gc drop o1473
gc alloc o1474 167
gc drop o1474
gc alloc o1475 39
gc drop o1475
gc alloc o1476 26
gc alloc o1477 33
gc drop o1477
gc alloc o1478 199
gc drop o1478
gc alloc o1479 133
gc drop o1479
gc alloc o1480 93
gc alloc o1481 182
gc drop o1481
gc alloc o1482 150
gc drop o1482
gc alloc o1483 154
gc drop o1483
gc alloc o1484 200
gc alloc o1485 33
gc drop o1485
gc alloc o1486 180
gc drop o1486
gc alloc o1487 190
gc drop o1487
gc alloc o1488 85
gc alloc o1489 46
gc drop o1489
gc alloc o1490 119
gc drop o1490
gc alloc o1491 94
gc drop o1491
gc alloc o1492 82
gc alloc o1493 132
gc drop o1493
gc alloc o1494 92
gc drop o1494
gc alloc o1495 92
gc drop o1495
gc alloc o1496 16
gc alloc o1497 98
gc drop o1497
gc alloc o1498 148
gc drop o1498
gc alloc o1499 184
gc drop o1499
gc alloc o1500 143
gc alloc o1501 135
gc drop o1501
gc alloc o1502 113
gc drop o1502
gc alloc o1503 55
gc drop o1503
gc alloc o1504 183
gc alloc o1505 71
gc drop o1505
gc alloc o1506 83
gc drop o1506
gc alloc o1507 96
gc drop o1507
gc alloc o1508 172
gc alloc o1509 68
gc drop o1509
gc alloc o1510 133
gc drop o1510
gc alloc o1511 38
gc drop o1511
gc alloc o1512 54
gc alloc o1513 106
gc drop o1513
gc alloc o1514 36
gc drop o1514
gc alloc o1515 179
gc drop o1515
gc alloc o1516 124
gc alloc o1517 128
gc drop o1517
gc alloc o1518 175
gc drop o1518
gc alloc o1519 148
gc drop o1519
gc alloc o1520 182
gc alloc o1521 117
gc drop o1521
gc alloc o1522 60
gc drop o1522
gc alloc o1523 66
gc drop o1523
gc alloc o1524 51
gc alloc o1525 141
gc drop o1525
gc alloc o1526 59
gc drop o1526
gc alloc o1527 191
gc drop o1527
gc alloc o1528 144
gc alloc o1529 130
gc drop o1529
gc alloc o1530 162
gc drop o1530
gc alloc o1531 104
gc drop o1531
gc alloc o1532 20
gc alloc o1533 53
gc drop o1533
gc alloc o1534 127
gc drop o1534
gc alloc o1535 84
gc drop o1535
gc alloc o1536 160
gc alloc o1537 142
gc drop o1537
gc alloc o1538 144
gc drop o1538
gc alloc o1539 153
gc drop o1539
gc alloc o1540 71
gc alloc o1541 158
gc drop o1541
gc alloc o1542 77
gc drop o1542
gc alloc o1543 185
gc drop o1543
gc alloc o1544 59
gc alloc o1545 123
gc drop o1545
gc alloc o1546 157
gc drop o1546
gc alloc o1547 80
gc drop o1547
gc alloc o1548 96
gc alloc o1549 91
gc drop o1549
gc alloc o1550 173
gc drop o1550
gc alloc o1551 43
gc drop o1551
gc alloc o1552 66
gc alloc o1553 82
gc drop o1553
gc alloc o1554 124
gc drop o1554
gc alloc o1555 107
gc drop o1555
gc alloc o1556 148
gc alloc o1557 83
gc drop o1557
gc alloc o1558 140
gc drop o1558
gc alloc o1559 177
gc drop o1559
gc alloc o1560 197
gc alloc o1561 180
gc drop o1561
gc alloc o1562 38
gc drop o1562
gc alloc o1563 45
gc drop o1563
gc alloc o1564 192
gc alloc o1565 44
gc drop o1565
gc alloc o1566 102
gc drop o1566
gc alloc o1567 40
gc drop o1567
gc alloc o1568 42
gc alloc o1569 177
gc drop o1569
gc alloc o1570 88
gc drop o1570
gc alloc o1571 165
gc drop o1571
gc alloc o1572 61
gc alloc o1573 28
gc drop o1573
gc alloc o1574 155
gc drop o1574
gc alloc o1575 114
gc drop o1575
gc alloc o1576 60
gc alloc o1577 178
gc drop o1577
gc alloc o1578 101
gc drop o1578
gc alloc o1579 82
gc drop o1579
gc alloc o1580 41
gc alloc o1581 120
gc drop o1581
gc alloc o1582 100
gc drop o1582
gc alloc o1583 40
gc drop o1583
gc alloc o1584 95
gc alloc o1585 32
gc drop o1585
gc alloc o1586 90
gc drop o1586
gc alloc o1587 199
gc drop o1587
gc alloc o1588 102
gc alloc o1589 121
gc drop o1589
gc alloc o1590 120
gc drop o1590
gc alloc o1591 32
gc drop o1591
gc alloc o1592 32
gc alloc o1593 93
gc drop o1593
gc alloc o1594 33
gc drop o1594
gc alloc o1595 62
gc drop o1595
gc alloc o1596 26
gc alloc o1597 40
gc drop o1597
gc alloc o1598 145
gc drop o1598
gc alloc o1599 120
gc drop o1599
gc alloc o1600 42
gc alloc o1601 134
gc drop o1601
gc alloc o1602 122
gc drop o1602
gc alloc o1603 34
gc drop o1603
gc alloc o1604 73
gc alloc o1605 123
gc drop o1605
gc alloc o1606 22
gc drop o1606
gc alloc o1607 160
gc drop o1607
gc alloc o1608 154
gc alloc o1609 90
gc drop o1609
gc alloc o1610 182
gc drop o1610
gc alloc o1611 43
gc drop o1611
gc alloc o1612 190
gc alloc o1613 146
gc drop o1613
gc alloc o1614 98
gc drop o1614
gc alloc o1615 108
gc drop o1615
gc alloc o1616 35
gc alloc o1617 135
gc drop o1617
gc alloc o1618 113
gc drop o1618
gc alloc o1619 42
gc drop o1619
gc alloc o1620 59
gc alloc o1621 78
gc drop o1621
gc alloc o1622 45
gc drop o1622
gc alloc o1623 173
gc drop o1623
gc alloc o1624 153
gc alloc o1625 40
gc drop o1625
gc alloc o1626 37
gc drop o1626
gc alloc o1627 183
gc drop o1627
gc alloc o1628 185
gc alloc o1629 154
gc drop o1629
gc alloc o1630 113
gc drop o1630
gc alloc o1631 127
gc drop o1631
gc alloc o1632 45
gc alloc o1633 85
gc drop o1633
gc alloc o1634 94
gc drop o1634
gc alloc o1635 157
gc drop o1635
gc alloc o1636 132
gc alloc o1637 125
gc drop o1637
gc alloc o1638 26
gc drop o1638
gc alloc o1639 69
gc drop o1639
gc alloc o1640 147
gc alloc o1641 50
gc drop o1641
gc alloc o1642 113
gc drop o1642
gc alloc o1643 184
gc drop o1643
gc alloc o1644 178
gc alloc o1645 62
gc drop o1645
gc alloc o1646 65
gc drop o1646
gc alloc o1647 99
gc drop o1647
gc alloc o1648 198
gc alloc o1649 151
gc drop o1649
gc alloc o1650 34
gc drop o1650
gc alloc o1651 51
gc drop o1651
gc alloc o1652 94
gc alloc o1653 29
gc drop o1653
gc alloc o1654 180
gc drop o1654
gc alloc o1655 135
gc drop o1655
gc alloc o1656 94
gc alloc o1657 129
gc drop o1657
gc alloc o1658 157
gc drop o1658
gc alloc o1659 162
gc drop o1659
gc alloc o1660 178
gc alloc o1661 144
gc drop o1661
gc alloc o1662 81
gc drop o1662
gc alloc o1663 88
gc drop o1663
gc alloc o1664 58
gc alloc o1665 176
gc drop o1665
gc alloc o1666 81
gc drop o1666
gc alloc o1667 132
gc drop o1667
gc alloc o1668 136
gc alloc o1669 119
gc drop o1669
gc alloc o1670 197
gc drop o1670
gc alloc o1671 170
gc drop o1671
gc alloc o1672 41
gc alloc o1673 50
gc drop o1673
gc alloc o1674 168
gc drop o1674
gc alloc o1675 67
gc drop o1675
gc alloc o1676 133
gc alloc o1677 193
gc drop o1677
gc alloc o1678 42
gc drop o1678
gc alloc o1679 129
gc drop o1679
gc alloc o1680 75
gc alloc o1681 50
gc drop o1681
gc alloc o1682 79
gc drop o1682
gc alloc o1683 58
gc drop o1683
gc alloc o1684 180
gc alloc o1685 38
gc drop o1685
gc alloc o1686 200
gc drop o1686
gc alloc o1687 130
gc drop o1687
gc alloc o1688 81
gc alloc o1689 174
gc drop o1689
gc alloc o1690 134
gc drop o1690
gc alloc o1691 189
gc drop o1691
gc alloc o1692 57
gc alloc o1693 194
gc drop o1693
gc alloc o1694 139
gc drop o1694
gc alloc o1695 42
gc drop o1695
gc alloc o1696 92
gc alloc o1697 164
gc drop o1697
gc alloc o1698 80
gc drop o1698
gc alloc o1699 176
gc drop o1699
gc alloc o1700 107
gc alloc o1701 194
gc drop o1701
gc alloc o1702 29
gc drop o1702
gc alloc o1703 154
gc drop o1703
gc alloc o1704 200
gc alloc o1705 158
gc drop o1705
gc alloc o1706 47
gc drop o1706
gc alloc o1707 68
gc drop o1707
gc alloc o1708 22
gc alloc o1709 102
gc drop o1709
gc alloc o1710 163
gc drop o1710
gc alloc o1711 167
gc drop o1711
gc alloc o1712 139
gc alloc o1713 179
gc drop o1713
gc alloc o1714 141
gc drop o1714
gc alloc o1715 149
gc drop o1715
gc alloc o1716 170
gc alloc o1717 88
gc drop o1717
gc alloc o1718 170
gc drop o1718
gc alloc o1719 101
gc drop o1719
gc alloc o1720 30
gc alloc o1721 89
gc drop o1721
gc alloc o1722 50
gc drop o1722
gc alloc o1723 150
gc drop o1723
gc alloc o1724 123
gc alloc o1725 91
gc drop o1725
gc alloc o1726 122
gc drop o1726
gc alloc o1727 110
gc drop o1727
gc alloc o1728 48
gc alloc o1729 90
gc drop o1729
gc alloc o1730 183
gc drop o1730
gc alloc o1731 65
gc drop o1731
gc alloc o1732 24
gc alloc o1733 16
gc drop o1733
gc alloc o1734 140
gc drop o1734
gc alloc o1735 56
gc drop o1735
gc alloc o1736 95
gc alloc o1737 122
gc drop o1737
gc alloc o1738 185
gc drop o1738
gc alloc o1739 88
gc drop o1739
gc alloc o1740 123
gc alloc o1741 167
gc drop o1741
gc alloc o1742 188
gc drop o1742
gc alloc o1743 134
gc drop o1743
gc alloc o1744 103
gc alloc o1745 150
gc drop o1745
gc alloc o1746 145
gc drop o1746
gc alloc o1747 99
gc drop o1747
gc alloc o1748 198
gc alloc o1749 192
gc drop o1749
gc alloc o1750 173
gc drop o1750
gc alloc o1751 19
gc drop o1751
gc alloc o1752 56
gc alloc o1753 163
gc drop o1753
gc alloc o1754 142
gc drop o1754
gc alloc o1755 182
gc drop o1755
gc alloc o1756 16
gc alloc o1757 153
gc drop o1757
gc alloc o1758 139
gc drop o1758
gc alloc o1759 135
gc drop o1759
gc alloc o1760 111
gc alloc o1761 27
gc drop o1761
gc alloc o1762 74
gc drop o1762
gc alloc o1763 153
gc drop o1763
gc alloc o1764 16
gc alloc o1765 138
gc drop o1765
gc alloc o1766 46
gc drop o1766
gc alloc o1767 67
gc drop o1767
gc alloc o1768 59
gc alloc o1769 59
gc drop o1769
gc alloc o1770 145
gc drop o1770
gc alloc o1771 76
gc drop o1771
gc alloc o1772 186
gc alloc o1773 118
gc drop o1773
gc alloc o1774 182
gc drop o1774
gc alloc o1775 42
gc drop o1775
gc alloc o1776 114
gc alloc o1777 122
gc drop o1777
gc alloc o1778 181
gc drop o1778
gc alloc o1779 74
gc drop o1779
gc alloc o1780 181
gc alloc o1781 86
gc drop o1781
gc alloc o1782 18
gc drop o1782
gc alloc o1783 68
gc drop o1783
gc alloc o1784 184
gc alloc o1785 76
gc drop o1785
gc alloc o1786 164
gc drop o1786
gc alloc o1787 33
gc drop o1787
gc alloc o1788 144
gc alloc o1789 111
gc drop o1789
gc alloc o1790 127
gc drop o1790
gc alloc o1791 165
gc drop o1791
gc alloc o1792 94
gc alloc o1793 73
gc drop o1793
gc alloc o1794 40
gc drop o1794
gc alloc o1795 111
gc drop o1795
gc alloc o1796 158
gc alloc o1797 168
gc drop o1797
gc alloc o1798 157
gc drop o1798
gc alloc o1799 129
gc drop o1799
gc alloc o1800 191
gc alloc o1801 31
gc drop o1801
gc alloc o1802 82
gc drop o1802
gc alloc o1803 151
gc drop o1803
gc alloc o1804 16
gc alloc o1805 53
gc drop o1805
gc alloc o1806 124
gc drop o1806
gc alloc o1807 30
gc drop o1807
gc alloc o1808 134
gc alloc o1809 19
gc drop o1809
gc alloc o1810 64
gc drop o1810
gc alloc o1811 64
gc drop o1811
gc alloc o1812 43
gc alloc o1813 60
gc drop o1813
gc alloc o1814 133
gc drop o1814
gc alloc o1815 128
gc drop o1815
gc alloc o1816 136
gc alloc o1817 138
gc drop o1817
gc alloc o1818 90
gc drop o1818
gc alloc o1819 149
gc drop o1819
gc alloc o1820 35
gc alloc o1821 22
gc drop o1821
gc alloc o1822 194
gc drop o1822
gc alloc o1823 172
gc drop o1823
gc alloc o1824 175
gc alloc o1825 135
gc drop o1825
gc alloc o1826 174
gc drop o1826
gc alloc o1827 173
gc drop o1827
gc alloc o1828 170
gc alloc o1829 199
gc drop o1829
gc alloc o1830 174
gc drop o1830
gc alloc o1831 68
gc drop o1831
gc alloc o1832 21
gc alloc o1833 182
gc drop o1833
gc alloc o1834 129
gc drop o1834
gc alloc o1835 144
gc drop o1835
gc alloc o1836 67
gc alloc o1837 32
gc drop o1837
gc alloc o1838 194
gc drop o1838
gc alloc o1839 103
gc drop o1839
gc alloc o1840 67
gc alloc o1841 41
gc drop o1841
gc alloc o1842 152
gc drop o1842
gc alloc o1843 110
gc drop o1843
gc alloc o1844 38
gc alloc o1845 60
gc drop o1845
gc alloc o1846 72
gc drop o1846
gc alloc o1847 117
gc drop o1847
gc alloc o1848 16
gc alloc o1849 24
gc drop o1849
gc alloc o1850 125
gc drop o1850
gc alloc o1851 30
gc drop o1851
gc alloc o1852 92
gc alloc o1853 64
gc drop o1853
gc alloc o1854 115
gc drop o1854
gc alloc o1855 116
gc drop o1855
gc alloc o1856 58
gc alloc o1857 45
gc drop o1857
gc alloc o1858 114
gc drop o1858
gc alloc o1859 192
gc drop o1859
gc alloc o1860 64
gc alloc o1861 71
gc drop o1861
gc alloc o1862 49
gc drop o1862
gc alloc o1863 119
gc drop o1863
gc alloc o1864 131
gc alloc o1865 53
gc drop o1865
gc alloc o1866 120
gc drop o1866
gc alloc o1867 22
gc drop o1867
gc alloc o1868 86
gc alloc o1869 132
gc drop o1869
gc alloc o1870 150
gc drop o1870
gc alloc o1871 67
gc drop o1871
gc alloc o1872 193
gc alloc o1873 192
gc drop o1873
gc alloc o1874 190
gc drop o1874
gc alloc o1875 84
gc drop o1875
gc alloc o1876 39
gc alloc o1877 75
gc drop o1877
gc alloc o1878 124
gc drop o1878
gc alloc o1879 122
gc drop o1879
gc alloc o1880 184
gc alloc o1881 184
gc drop o1881
gc alloc o1882 159
gc drop o1882
gc alloc o1883 198
gc drop o1883
gc alloc o1884 129
gc alloc o1885 64
gc drop o1885
gc alloc o1886 67
gc drop o1886
gc alloc o1887 99
gc drop o1887
gc alloc o1888 165
gc alloc o1889 80
gc drop o1889
gc alloc o1890 199
gc drop o1890
gc alloc o1891 190
gc drop o1891
gc alloc o1892 27
gc alloc o1893 65
gc drop o1893
gc alloc o1894 152
gc drop o1894
gc alloc o1895 57
gc drop o1895
gc alloc o1896 109
gc alloc o1897 178
gc drop o1897
gc alloc o1898 40
gc drop o1898
gc alloc o1899 197
gc drop o1899
gc alloc o1900 171
gc alloc o1901 126
gc drop o1901
gc alloc o1902 108
gc drop o1902
gc alloc o1903 52
gc drop o1903
gc alloc o1904 176
gc alloc o1905 89
gc drop o1905
gc alloc o1906 62
gc drop o1906
gc alloc o1907 17
gc drop o1907
gc alloc o1908 155
gc alloc o1909 54
gc drop o1909
gc alloc o1910 196
gc drop o1910
gc alloc o1911 124
gc drop o1911
gc alloc o1912 42
gc alloc o1913 17
gc drop o1913
gc alloc o1914 195
gc drop o1914
gc alloc o1915 156
gc drop o1915
gc alloc o1916 135
gc alloc o1917 99
gc drop o1917
gc alloc o1918 36
gc drop o1918
gc alloc o1919 140
gc drop o1919
gc alloc o1920 54
gc alloc o1921 110
gc drop o1921
gc alloc o1922 17
gc drop o1922
gc alloc o1923 30
gc drop o1923
gc alloc o1924 170
gc alloc o1925 110
gc drop o1925
gc alloc o1926 138
gc drop o1926
gc alloc o1927 83
gc drop o1927
gc alloc o1928 162
gc alloc o1929 131
gc drop o1929
gc alloc o1930 100
gc drop o1930
gc alloc o1931 171
gc drop o1931
gc alloc o1932 153
gc alloc o1933 121
gc drop o1933
gc alloc o1934 59
gc drop o1934
gc alloc o1935 116
gc drop o1935
gc alloc o1936 125
gc alloc o1937 159
gc drop o1937
gc alloc o1938 128
gc drop o1938
gc alloc o1939 20
gc drop o1939
gc alloc o1940 74
gc alloc o1941 138
gc drop o1941
gc alloc o1942 91
gc drop o1942
gc alloc o1943 43
gc drop o1943
gc alloc o1944 147
gc alloc o1945 34
gc drop o1945
gc alloc o1946 153
gc drop o1946
gc alloc o1947 139
gc drop o1947
gc alloc o1948 72
gc alloc o1949 37
gc drop o1949
gc alloc o1950 186
gc drop o1950
gc alloc o1951 183
gc drop o1951
gc alloc o1952 168
gc alloc o1953 96
gc drop o1953
gc alloc o1954 40
gc drop o1954
gc alloc o1955 36
gc drop o1955
gc alloc o1956 99
gc alloc o1957 120
gc drop o1957
gc alloc o1958 60
gc drop o1958
gc alloc o1959 98
gc drop o1959
gc alloc o1960 105
gc alloc o1961 26
gc drop o1961
gc alloc o1962 95
gc drop o1962
gc alloc o1963 177
gc drop o1963
gc alloc o1964 189
gc alloc o1965 47
gc drop o1965
gc alloc o1966 148
gc drop o1966
gc alloc o1967 37
gc drop o1967
gc alloc o1968 180
gc alloc o1969 190
gc drop o1969
gc alloc o1970 178
gc drop o1970
gc alloc o1971 37
gc drop o1971
gc alloc o1972 26
gc alloc o1973 140
gc drop o1973
gc alloc o1974 147
gc drop o1974
gc alloc o1975 136
gc drop o1975
gc alloc o1976 71
gc alloc o1977 129
gc drop o1977
gc alloc o1978 93
gc drop o1978
gc alloc o1979 54
gc drop o1979
gc alloc o1980 124
gc alloc o1981 87
gc drop o1981
gc alloc o1982 173
gc drop o1982
gc alloc o1983 131
gc drop o1983
gc alloc o1984 162
gc alloc o1985 34
gc drop o1985
gc alloc o1986 188
gc drop o1986
gc alloc o1987 148
gc drop o1987
gc alloc o1988 78
gc alloc o1989 90
gc drop o1989
gc alloc o1990 39
gc drop o1990
gc alloc o1991 167
gc drop o1991
gc alloc o1992 93
gc alloc o1993 34
gc drop o1993
gc alloc o1994 112
gc drop o1994
gc alloc o1995 90
gc drop o1995
gc alloc o1996 121
gc alloc o1997 40
gc drop o1997
gc alloc o1998 56
gc drop o1998
gc alloc o1999 104
gc drop o1999
gc alloc o2000 176
gc alloc o2001 124
gc drop o2001
gc alloc o2002 38
gc drop o2002
gc alloc o2003 103
gc drop o2003
gc alloc o2004 69
gc alloc o2005 107
gc drop o2005
gc alloc o2006 190
gc drop o2006
gc alloc o2007 42
gc drop o2007
gc alloc o2008 134
gc alloc o2009 99
gc drop o2009
gc alloc o2010 41
gc drop o2010
gc alloc o2011 143
gc drop o2011
gc alloc o2012 99
gc alloc o2013 25
gc drop o2013
gc alloc o2014 191
gc drop o2014
gc alloc o2015 131
gc drop o2015
gc alloc o2016 195
gc alloc o2017 30
gc drop o2017
gc alloc o2018 168
gc drop o2018
gc alloc o2019 74
gc drop o2019
gc alloc o2020 89
gc alloc o2021 95
gc drop o2021
gc alloc o2022 83
gc drop o2022
gc alloc o2023 133
gc drop o2023
gc alloc o2024 144
gc alloc o2025 150
gc drop o2025
gc alloc o2026 104
gc drop o2026
gc alloc o2027 147
gc drop o2027
gc alloc o2028 145
gc alloc o2029 39
gc drop o2029
gc alloc o2030 146
gc drop o2030
gc alloc o2031 161
gc drop o2031
gc alloc o2032 131
gc alloc o2033 121
gc drop o2033
gc alloc o2034 184
gc drop o2034
gc alloc o2035 66
gc drop o2035
gc alloc o2036 173
gc alloc o2037 119
gc drop o2037
gc alloc o2038 125
gc drop o2038
gc alloc o2039 47
gc drop o2039
gc alloc o2040 49
gc alloc o2041 32
gc drop o2041
gc alloc o2042 128
gc drop o2042
gc alloc o2043 98
gc drop o2043
gc alloc o2044 25
gc alloc o2045 94
gc drop o2045
gc alloc o2046 109
gc drop o2046
gc alloc o2047 123
gc drop o2047
gc alloc o2048 170
gc alloc o2049 167
gc drop o2049
gc alloc o2050 43
gc drop o2050
gc alloc o2051 60
gc drop o2051
gc alloc o2052 18
gc alloc o2053 130
gc drop o2053
gc alloc o2054 52
gc drop o2054
gc alloc o2055 94
gc drop o2055
gc alloc o2056 26
gc alloc o2057 161
gc drop o2057
gc alloc o2058 43
gc drop o2058
gc alloc o2059 166
gc drop o2059
gc alloc o2060 195
gc alloc o2061 28
gc drop o2061
gc alloc o2062 33
gc drop o2062
gc alloc o2063 36
gc drop o2063
gc alloc o2064 91
gc alloc o2065 176
gc drop o2065
gc alloc o2066 90
gc drop o2066
gc alloc o2067 88
gc drop o2067
gc alloc o2068 126
gc alloc o2069 184
gc drop o2069
gc alloc o2070 75
gc drop o2070
gc alloc o2071 24
gc drop o2071
gc alloc o2072 126
gc alloc o2073 132
gc drop o2073
gc alloc o2074 91
gc drop o2074
gc alloc o2075 57
gc drop o2075
gc alloc o2076 193
gc alloc o2077 101
gc drop o2077
gc alloc o2078 151
gc drop o2078
gc alloc o2079 193
gc drop o2079
gc alloc o2080 146
gc alloc o2081 160
gc drop o2081
gc alloc o2082 117
gc drop o2082
gc alloc o2083 135
gc drop o2083
gc alloc o2084 174
gc alloc o2085 134
gc drop o2085
gc alloc o2086 25
gc drop o2086
gc alloc o2087 61
gc drop o2087
gc alloc o2088 109
gc alloc o2089 137
gc drop o2089
gc alloc o2090 97
gc drop o2090
gc alloc o2091 175
gc drop o2091
gc alloc o2092 38
gc alloc o2093 44
gc drop o2093
gc alloc o2094 128
gc drop o2094
gc alloc o2095 85
gc drop o2095
gc alloc o2096 110
gc alloc o2097 103
gc drop o2097
gc alloc o2098 176
gc drop o2098
gc alloc o2099 45
gc drop o2099
gc alloc o2100 115
gc alloc o2101 118
gc drop o2101
gc alloc o2102 131
gc drop o2102
gc alloc o2103 83
gc drop o2103
gc alloc o2104 49
gc alloc o2105 53
gc drop o2105
gc alloc o2106 154
gc drop o2106
gc alloc o2107 133
gc drop o2107
gc alloc o2108 107
gc alloc o2109 87
gc drop o2109
gc alloc o2110 62
gc drop o2110
gc alloc o2111 60
gc drop o2111
gc alloc o2112 121
gc alloc o2113 18
gc drop o2113
gc alloc o2114 190
gc drop o2114
gc alloc o2115 118
gc drop o2115
gc alloc o2116 96
gc alloc o2117 81
gc drop o2117
gc alloc o2118 65
gc drop o2118
gc alloc o2119 174
gc drop o2119
gc alloc o2120 55
gc alloc o2121 127
gc drop o2121
gc alloc o2122 173
gc drop o2122
gc alloc o2123 148
gc drop o2123
gc alloc o2124 132
gc alloc o2125 46
gc drop o2125
gc alloc o2126 89
gc drop o2126
gc alloc o2127 112
gc drop o2127
gc alloc o2128 25
gc alloc o2129 65
gc drop o2129
gc alloc o2130 65
gc drop o2130
gc alloc o2131 184
gc drop o2131
gc alloc o2132 119
gc alloc o2133 78
gc drop o2133
gc alloc o2134 192
gc drop o2134
gc alloc o2135 143
gc drop o2135
gc alloc o2136 164
gc alloc o2137 186
gc drop o2137
gc alloc o2138 144
gc drop o2138
gc alloc o2139 22
gc drop o2139
gc alloc o2140 45
gc alloc o2141 157
gc drop o2141
gc alloc o2142 94
gc drop o2142
gc alloc o2143 41
gc drop o2143
gc alloc o2144 102
gc alloc o2145 102
gc drop o2145
gc alloc o2146 172
gc drop o2146
gc alloc o2147 104
gc drop o2147
gc alloc o2148 57
gc alloc o2149 19
gc drop o2149
gc alloc o2150 27
gc drop o2150
gc alloc o2151 66
gc drop o2151
gc alloc o2152 143
gc alloc o2153 24
gc drop o2153
gc alloc o2154 85
gc drop o2154
gc alloc o2155 137
gc drop o2155
gc alloc o2156 150
gc alloc o2157 68
gc drop o2157
gc alloc o2158 27
gc drop o2158
gc alloc o2159 73
gc drop o2159
gc alloc o2160 100
gc alloc o2161 96
gc drop o2161
gc alloc o2162 72
gc drop o2162
gc alloc o2163 110
gc drop o2163
gc alloc o2164 132
gc alloc o2165 20
gc drop o2165
gc alloc o2166 24
gc drop o2166
gc alloc o2167 194
gc drop o2167
gc alloc o2168 47
gc alloc o2169 65
gc drop o2169
gc alloc o2170 43
gc drop o2170
gc alloc o2171 193
gc drop o2171
gc alloc o2172 95
gc alloc o2173 46
gc drop o2173
gc alloc o2174 79
gc drop o2174
gc alloc o2175 32
gc drop o2175
gc alloc o2176 178
gc alloc o2177 44
gc drop o2177
gc alloc o2178 165
gc drop o2178
gc alloc o2179 105
gc drop o2179
gc alloc o2180 102
gc alloc o2181 81
gc drop o2181
gc alloc o2182 121
gc drop o2182
gc alloc o2183 59
gc drop o2183
gc alloc o2184 85
gc alloc o2185 94
gc drop o2185
gc alloc o2186 32
gc drop o2186
gc alloc o2187 116
gc drop o2187
gc alloc o2188 60
gc alloc o2189 77
gc drop o2189
gc alloc o2190 200
gc drop o2190
gc alloc o2191 141
gc drop o2191
gc alloc o2192 18
gc alloc o2193 94
gc drop o2193
gc alloc o2194 136
gc drop o2194
gc alloc o2195 75
gc drop o2195
gc alloc o2196 30
gc alloc o2197 158
gc drop o2197
gc alloc o2198 71
gc drop o2198
gc alloc o2199 114
gc drop o2199
gc alloc o2200 186
gc alloc o2201 162
gc drop o2201
gc alloc o2202 40
gc drop o2202
gc alloc o2203 88
gc drop o2203
gc alloc o2204 140
gc alloc o2205 25
gc drop o2205
gc alloc o2206 192
gc drop o2206
gc alloc o2207 82
gc drop o2207
gc alloc o2208 16
gc alloc o2209 133
gc drop o2209
gc alloc o2210 53
gc drop o2210
gc alloc o2211 46
gc drop o2211
gc alloc o2212 36
gc alloc o2213 79
gc drop o2213
gc alloc o2214 97
gc drop o2214
gc alloc o2215 110
gc drop o2215
gc alloc o2216 77
gc alloc o2217 173
gc drop o2217
gc alloc o2218 140
gc drop o2218
gc alloc o2219 17
gc drop o2219
gc alloc o2220 194
gc alloc o2221 16
gc drop o2221
gc alloc o2222 167
gc drop o2222
gc alloc o2223 98
gc drop o2223
gc alloc o2224 149
gc alloc o2225 116
gc drop o2225
gc alloc o2226 106
gc drop o2226
gc alloc o2227 97
gc drop o2227
gc alloc o2228 84
gc alloc o2229 178
gc drop o2229
gc alloc o2230 71
gc drop o2230
gc alloc o2231 165
gc drop o2231
gc alloc o2232 91
gc alloc o2233 131
gc drop o2233
gc alloc o2234 54
gc drop o2234
gc alloc o2235 191
gc drop o2235
gc alloc o2236 18
gc alloc o2237 167
gc drop o2237
gc alloc o2238 165
gc drop o2238
gc alloc o2239 66
gc drop o2239
gc alloc o2240 74
gc alloc o2241 17
gc drop o2241
gc alloc o2242 160
gc drop o2242
gc alloc o2243 93
gc drop o2243
gc alloc o2244 38
gc alloc o2245 74
gc drop o2245
gc alloc o2246 76
gc drop o2246
gc alloc o2247 68
gc drop o2247
gc alloc o2248 114
gc alloc o2249 186
gc drop o2249
gc alloc o2250 181
gc drop o2250
gc alloc o2251 165
gc drop o2251
gc alloc o2252 71
gc alloc o2253 88
gc drop o2253
gc alloc o2254 51
gc drop o2254
gc alloc o2255 68
gc drop o2255
gc alloc o2256 59
gc alloc o2257 46
gc drop o2257
gc alloc o2258 171
gc drop o2258
gc alloc o2259 167
gc drop o2259
gc alloc o2260 173
gc alloc o2261 196
gc drop o2261
gc alloc o2262 168
gc drop o2262
gc alloc o2263 140
gc drop o2263
gc alloc o2264 72
gc alloc o2265 128
gc drop o2265
gc alloc o2266 177
gc drop o2266
gc alloc o2267 94
gc drop o2267
gc alloc o2268 192
gc alloc o2269 81
gc drop o2269
gc alloc o2270 36
gc drop o2270
gc alloc o2271 168
gc drop o2271
gc alloc o2272 63
gc alloc o2273 166
gc drop o2273
gc alloc o2274 135
gc drop o2274
gc alloc o2275 155
gc drop o2275
gc alloc o2276 182
gc alloc o2277 40
gc drop o2277
gc alloc o2278 189
gc drop o2278
gc alloc o2279 179
gc drop o2279
gc alloc o2280 104
gc alloc o2281 161
gc drop o2281
gc alloc o2282 137
gc drop o2282
gc alloc o2283 149
gc drop o2283
gc alloc o2284 19
gc alloc o2285 93
gc drop o2285
gc alloc o2286 19
gc drop o2286
gc alloc o2287 159
gc drop o2287
gc alloc o2288 58
gc alloc o2289 170
gc drop o2289
gc alloc o2290 56
gc drop o2290
gc alloc o2291 183
gc drop o2291
gc alloc o2292 95
gc alloc o2293 113
gc drop o2293
gc alloc o2294 87
gc drop o2294
gc alloc o2295 136
gc drop o2295
gc alloc o2296 169
gc alloc o2297 171
gc drop o2297
gc alloc o2298 181
gc drop o2298
gc alloc o2299 102
gc drop o2299
gc alloc o2300 50
gc alloc o2301 65
gc drop o2301
gc alloc o2302 130
gc drop o2302
gc alloc o2303 156
gc drop o2303
gc alloc o2304 159
gc alloc o2305 177
gc drop o2305
gc alloc o2306 65
gc drop o2306
gc alloc o2307 42
gc drop o2307
gc alloc o2308 172
gc alloc o2309 21
gc drop o2309
gc alloc o2310 143
gc drop o2310
gc alloc o2311 62
gc drop o2311
gc alloc o2312 91
gc alloc o2313 155
gc drop o2313
gc alloc o2314 23
gc drop o2314
gc alloc o2315 66
gc drop o2315
gc alloc o2316 85
gc alloc o2317 199
gc drop o2317
gc alloc o2318 57
gc drop o2318
gc alloc o2319 86
gc drop o2319
gc alloc o2320 118
gc alloc o2321 85
gc drop o2321
gc alloc o2322 36
gc drop o2322
gc alloc o2323 179
gc drop o2323
gc alloc o2324 106
gc alloc o2325 95
gc drop o2325
gc alloc o2326 193
gc drop o2326
gc alloc o2327 44
gc drop o2327
gc alloc o2328 175
gc alloc o2329 78
gc drop o2329
gc alloc o2330 21
gc drop o2330
gc alloc o2331 170
gc drop o2331
gc alloc o2332 74
gc alloc o2333 87
gc drop o2333
gc alloc o2334 112
gc drop o2334
gc alloc o2335 129
gc drop o2335
gc alloc o2336 81
gc alloc o2337 33
gc drop o2337
gc alloc o2338 138
gc drop o2338
gc alloc o2339 117
gc drop o2339
gc alloc o2340 140
gc alloc o2341 54
gc drop o2341
gc alloc o2342 119
gc drop o2342
gc alloc o2343 186
gc drop o2343
gc alloc o2344 200
gc alloc o2345 138
gc drop o2345
gc alloc o2346 153
gc drop o2346
gc alloc o2347 31
gc drop o2347
gc alloc o2348 117
gc alloc o2349 172
gc drop o2349
gc alloc o2350 169
gc drop o2350
gc alloc o2351 27
gc drop o2351
gc alloc o2352 67
gc alloc o2353 145
gc drop o2353
gc alloc o2354 185
gc drop o2354
gc alloc o2355 82
gc drop o2355
gc alloc o2356 100
gc alloc o2357 144
gc drop o2357
gc alloc o2358 191
gc drop o2358
gc alloc o2359 60
gc drop o2359
gc alloc o2360 110
gc alloc o2361 126
gc drop o2361
gc alloc o2362 173
gc drop o2362
gc alloc o2363 173
gc drop o2363
gc alloc o2364 189
gc alloc o2365 187
gc drop o2365
gc alloc o2366 57
gc drop o2366
gc alloc o2367 114
gc drop o2367
gc alloc o2368 197
gc alloc o2369 197
gc drop o2369
gc alloc o2370 196
gc drop o2370
gc alloc o2371 75
gc drop o2371
gc alloc o2372 160
gc alloc o2373 173
gc drop o2373
gc alloc o2374 174
gc drop o2374
gc alloc o2375 185
gc drop o2375
gc alloc o2376 31
gc alloc o2377 88
gc drop o2377
gc alloc o2378 74
gc drop o2378
gc alloc o2379 122
gc drop o2379
gc alloc o2380 141
gc alloc o2381 138
gc drop o2381
gc alloc o2382 150
gc drop o2382
gc alloc o2383 200
gc drop o2383
gc alloc o2384 61
gc alloc o2385 135
gc drop o2385
gc alloc o2386 139
gc drop o2386
gc alloc o2387 141
gc drop o2387
gc alloc o2388 129
gc alloc o2389 177
gc drop o2389
gc alloc o2390 161
gc drop o2390
gc alloc o2391 77
gc drop o2391
gc alloc o2392 76
gc alloc o2393 98
gc drop o2393
gc alloc o2394 197
gc drop o2394
gc alloc o2395 198
gc drop o2395
gc alloc o2396 72
gc alloc o2397 53
gc drop o2397
gc alloc o2398 37
gc drop o2398
gc alloc o2399 47
gc drop o2399
gc alloc o2400 130
gc alloc o2401 182
gc drop o2401
gc alloc o2402 135
gc drop o2402
gc alloc o2403 154
gc drop o2403
gc alloc o2404 182
gc alloc o2405 18
gc drop o2405
gc alloc o2406 188
gc drop o2406
gc alloc o2407 53
gc drop o2407
gc alloc o2408 19
gc alloc o2409 140
gc drop o2409
gc alloc o2410 194
gc drop o2410
gc alloc o2411 173
gc drop o2411
gc alloc o2412 189
gc alloc o2413 194
gc drop o2413
gc alloc o2414 51
gc drop o2414
gc alloc o2415 44
gc drop o2415
gc alloc o2416 27
gc alloc o2417 32
gc drop o2417
gc alloc o2418 125
gc drop o2418
gc alloc o2419 128
gc drop o2419
gc alloc o2420 63
gc alloc o2421 46
gc drop o2421
gc alloc o2422 21
gc drop o2422
gc alloc o2423 101
gc drop o2423
gc alloc o2424 127
gc alloc o2425 152
gc drop o2425
gc alloc o2426 186
gc drop o2426
gc alloc o2427 149
gc drop o2427
gc alloc o2428 179
gc alloc o2429 102
gc drop o2429
gc alloc o2430 198
gc drop o2430
gc alloc o2431 73
gc drop o2431
gc alloc o2432 57
gc alloc o2433 142
gc drop o2433
gc alloc o2434 147
gc drop o2434
gc alloc o2435 142
gc drop o2435
gc alloc o2436 184
gc alloc o2437 159
gc drop o2437
gc alloc o2438 98
gc drop o2438
gc alloc o2439 28
gc drop o2439
gc alloc o2440 166
gc alloc o2441 97
gc drop o2441
gc alloc o2442 18
gc drop o2442
gc alloc o2443 143
gc drop o2443
gc alloc o2444 26
gc alloc o2445 68
gc drop o2445
gc alloc o2446 64
gc drop o2446
gc alloc o2447 156
gc drop o2447
gc alloc o2448 80
gc alloc o2449 87
gc drop o2449
gc alloc o2450 92
gc drop o2450
gc alloc o2451 74
gc drop o2451
gc alloc o2452 187
gc alloc o2453 77
gc drop o2453
gc alloc o2454 129
gc drop o2454
gc alloc o2455 186
gc drop o2455
gc alloc o2456 33
gc alloc o2457 161
gc drop o2457
gc alloc o2458 143
gc drop o2458
gc alloc o2459 138
gc drop o2459
gc alloc o2460 75
gc alloc o2461 100
gc drop o2461
gc alloc o2462 122
gc drop o2462
gc alloc o2463 82
gc drop o2463
gc alloc o2464 71
gc alloc o2465 109
gc drop o2465
gc alloc o2466 127
gc drop o2466
gc alloc o2467 16
gc drop o2467
gc alloc o2468 96
gc alloc o2469 46
gc drop o2469
gc alloc o2470 54
gc drop o2470
gc alloc o2471 76
gc drop o2471
gc alloc o2472 96
gc alloc o2473 89
gc drop o2473
gc alloc o2474 76
gc drop o2474
gc alloc o2475 106
gc drop o2475
gc alloc o2476 79
gc alloc o2477 91
gc drop o2477
gc alloc o2478 42
gc drop o2478
gc alloc o2479 177
gc drop o2479
gc alloc o2480 159
gc alloc o2481 138
gc drop o2481
gc alloc o2482 80
gc drop o2482
gc alloc o2483 46
gc drop o2483
gc alloc o2484 152
gc alloc o2485 150
gc drop o2485
gc alloc o2486 177
gc drop o2486
gc alloc o2487 84
gc drop o2487
gc alloc o2488 27
gc alloc o2489 52
gc drop o2489
gc alloc o2490 186
gc drop o2490
gc alloc o2491 42
gc drop o2491
gc alloc o2492 41
gc alloc o2493 128
gc drop o2493
gc alloc o2494 92
gc drop o2494
gc alloc o2495 53
gc drop o2495
gc alloc o2496 154
gc alloc o2497 72
gc drop o2497
gc alloc o2498 97
gc drop o2498
gc alloc o2499 99
gc drop o2499
gc alloc o2500 63
gc alloc o2501 27
gc drop o2501
gc alloc o2502 126
gc drop o2502
gc alloc o2503 182
gc drop o2503
gc alloc o2504 124
gc alloc o2505 114
gc drop o2505
gc alloc o2506 16
gc drop o2506
gc alloc o2507 45
gc drop o2507
gc alloc o2508 82
gc alloc o2509 150
gc drop o2509
gc alloc o2510 199
gc drop o2510
gc alloc o2511 116
gc drop o2511
gc alloc o2512 38
gc alloc o2513 40
gc drop o2513
gc alloc o2514 17
gc drop o2514
gc alloc o2515 96
gc drop o2515
gc alloc o2516 94
gc alloc o2517 159
gc drop o2517
gc alloc o2518 135
gc drop o2518
gc alloc o2519 51
gc drop o2519
gc alloc o2520 200
gc alloc o2521 176
gc drop o2521
gc alloc o2522 54
gc drop o2522
gc alloc o2523 109
gc drop o2523
gc alloc o2524 157
gc alloc o2525 93
gc drop o2525
gc alloc o2526 87
gc drop o2526
gc alloc o2527 37
gc drop o2527
gc alloc o2528 127
gc alloc o2529 125
gc drop o2529
gc alloc o2530 149
gc drop o2530
gc alloc o2531 17
gc drop o2531
gc alloc o2532 132
gc alloc o2533 138
gc drop o2533
gc alloc o2534 95
gc drop o2534
gc alloc o2535 137
gc drop o2535
gc alloc o2536 41
gc alloc o2537 94
gc drop o2537
gc alloc o2538 149
gc drop o2538
gc alloc o2539 35
gc drop o2539
gc alloc o2540 78
gc alloc o2541 124
gc drop o2541
gc alloc o2542 44
gc drop o2542
gc alloc o2543 42
gc drop o2543
gc alloc o2544 165
gc alloc o2545 76
gc drop o2545
gc alloc o2546 180
gc drop o2546
gc alloc o2547 145
gc drop o2547
gc alloc o2548 175
gc alloc o2549 115
gc drop o2549
gc alloc o2550 150
gc drop o2550
gc alloc o2551 65
gc drop o2551
gc alloc o2552 188
gc alloc o2553 188
gc drop o2553
gc alloc o2554 188
gc drop o2554
gc alloc o2555 137
gc drop o2555
gc alloc o2556 149
gc alloc o2557 149
gc drop o2557
gc alloc o2558 109
gc drop o2558
gc alloc o2559 67
gc drop o2559
gc alloc o2560 53
gc alloc o2561 197
gc drop o2561
gc alloc o2562 23
gc drop o2562
gc alloc o2563 22
gc drop o2563
gc alloc o2564 46
gc alloc o2565 174
gc drop o2565
gc alloc o2566 119
gc drop o2566
gc alloc o2567 121
gc drop o2567
gc alloc o2568 18
gc alloc o2569 188
gc drop o2569
gc alloc o2570 135
gc drop o2570
gc alloc o2571 102
gc drop o2571
gc alloc o2572 159
gc alloc o2573 75
gc drop o2573
gc alloc o2574 96
gc drop o2574
gc alloc o2575 142
gc drop o2575
gc alloc o2576 82
gc alloc o2577 69
gc drop o2577
gc alloc o2578 74
gc drop o2578
gc alloc o2579 140
gc drop o2579
gc alloc o2580 139
gc alloc o2581 80
gc drop o2581
gc alloc o2582 33
gc drop o2582
gc alloc o2583 84
gc drop o2583
gc alloc o2584 37
gc alloc o2585 173
gc drop o2585
gc alloc o2586 164
gc drop o2586
gc alloc o2587 156
gc drop o2587
gc alloc o2588 90
gc alloc o2589 198
gc drop o2589
gc alloc o2590 126
gc drop o2590
gc alloc o2591 27
gc drop o2591
gc alloc o2592 187
gc alloc o2593 135
gc drop o2593
gc alloc o2594 29
gc drop o2594
gc alloc o2595 186
gc drop o2595
gc alloc o2596 60
gc alloc o2597 28
gc drop o2597
gc alloc o2598 75
gc drop o2598
gc alloc o2599 124
gc drop o2599
gc alloc o2600 148
gc alloc o2601 167
gc drop o2601
gc alloc o2602 54
gc drop o2602
gc alloc o2603 69
gc drop o2603
gc alloc o2604 105
gc alloc o2605 76
gc drop o2605
gc alloc o2606 191
gc drop o2606
gc alloc o2607 32
gc drop o2607
gc alloc o2608 149
gc alloc o2609 125
gc drop o2609
gc alloc o2610 62
gc drop o2610
gc alloc o2611 73
gc drop o2611
gc alloc o2612 130
gc alloc o2613 181
gc drop o2613
gc alloc o2614 141
gc drop o2614
gc alloc o2615 162
gc drop o2615
gc alloc o2616 50
gc alloc o2617 129
gc drop o2617
gc alloc o2618 57
gc drop o2618
gc alloc o2619 108
gc drop o2619
gc alloc o2620 139
gc alloc o2621 45
gc drop o2621
gc alloc o2622 135
gc drop o2622
gc alloc o2623 92
gc drop o2623
gc alloc o2624 34
gc alloc o2625 134
gc drop o2625
gc alloc o2626 98
gc drop o2626
gc alloc o2627 187
gc drop o2627
gc alloc o2628 108
gc alloc o2629 171
gc drop o2629
gc alloc o2630 78
gc drop o2630
gc alloc o2631 34
gc drop o2631
gc alloc o2632 147
gc alloc o2633 87
gc drop o2633
gc alloc o2634 184
gc drop o2634
gc alloc o2635 183
gc drop o2635
gc alloc o2636 111
gc alloc o2637 94
gc drop o2637
gc alloc o2638 190
gc drop o2638
gc alloc o2639 148
gc drop o2639
gc alloc o2640 25
gc alloc o2641 104
gc drop o2641
gc alloc o2642 111
gc drop o2642
gc alloc o2643 104
gc drop o2643
gc alloc o2644 59
gc alloc o2645 73
gc drop o2645
gc alloc o2646 113
gc drop o2646
gc alloc o2647 148
gc drop o2647
gc alloc o2648 121
gc alloc o2649 111
gc drop o2649
gc alloc o2650 170
gc drop o2650
gc alloc o2651 84
gc drop o2651
gc alloc o2652 123
gc alloc o2653 121
gc drop o2653
gc alloc o2654 72
gc drop o2654
gc alloc o2655 168
gc drop o2655
gc alloc o2656 62
gc alloc o2657 198
gc drop o2657
gc alloc o2658 23
gc drop o2658
gc alloc o2659 103
gc drop o2659
gc alloc o2660 27
gc alloc o2661 40
gc drop o2661
gc alloc o2662 66
gc drop o2662
gc alloc o2663 125
gc drop o2663
gc alloc o2664 150
gc alloc o2665 173
gc drop o2665
gc alloc o2666 137
gc drop o2666
gc alloc o2667 187
gc drop o2667
gc alloc o2668 200
gc alloc o2669 45
gc drop o2669
gc alloc o2670 125
gc drop o2670
gc alloc o2671 65
gc drop o2671
gc alloc o2672 110
gc alloc o2673 72
gc drop o2673
gc alloc o2674 117
gc drop o2674
gc alloc o2675 44
gc drop o2675
gc alloc o2676 160
gc alloc o2677 25
gc drop o2677
gc alloc o2678 112
gc drop o2678
gc alloc o2679 96
gc drop o2679
gc alloc o2680 74
gc alloc o2681 105
gc drop o2681
gc alloc o2682 56
gc drop o2682
gc alloc o2683 121
gc drop o2683
gc alloc o2684 101
gc alloc o2685 87
gc drop o2685
gc alloc o2686 95
gc drop o2686
gc alloc o2687 142
gc drop o2687
gc alloc o2688 99
gc alloc o2689 59
gc drop o2689
gc alloc o2690 75
gc drop o2690
gc alloc o2691 27
gc drop o2691
gc alloc o2692 133
gc alloc o2693 99
gc drop o2693
gc alloc o2694 72
gc drop o2694
gc alloc o2695 38
gc drop o2695
gc alloc o2696 179
gc alloc o2697 143
gc drop o2697
gc alloc o2698 107
gc drop o2698
gc alloc o2699 92
gc drop o2699
gc alloc o2700 38
gc alloc o2701 93
gc drop o2701
gc alloc o2702 53
gc drop o2702
gc alloc o2703 171
gc drop o2703
gc alloc o2704 100
gc alloc o2705 144
gc drop o2705
gc alloc o2706 194
gc drop o2706
gc alloc o2707 140
gc drop o2707
gc alloc o2708 190
gc alloc o2709 58
gc drop o2709
gc alloc o2710 137
gc drop o2710
gc alloc o2711 66
gc drop o2711
gc alloc o2712 116
gc alloc o2713 128
gc drop o2713
gc alloc o2714 85
gc drop o2714
gc alloc o2715 180
gc drop o2715
gc alloc o2716 175
gc alloc o2717 166
gc drop o2717
gc alloc o2718 22
gc drop o2718
gc alloc o2719 198
gc drop o2719
gc alloc o2720 169
gc alloc o2721 65
gc drop o2721
gc alloc o2722 43
gc drop o2722
gc alloc o2723 122
gc drop o2723
gc alloc o2724 56
gc alloc o2725 147
gc drop o2725
gc alloc o2726 21
gc drop o2726
gc alloc o2727 197
gc drop o2727
gc alloc o2728 191
gc alloc o2729 162
gc drop o2729
gc alloc o2730 100
gc drop o2730
gc alloc o2731 195
gc drop o2731
gc alloc o2732 81
gc alloc o2733 22
gc drop o2733
gc alloc o2734 21
gc drop o2734
gc alloc o2735 187
gc drop o2735
gc alloc o2736 159
gc alloc o2737 107
gc drop o2737
gc alloc o2738 127
gc drop o2738
gc alloc o2739 191
gc drop o2739
gc alloc o2740 189
gc alloc o2741 45
gc drop o2741
gc alloc o2742 195
gc drop o2742
gc alloc o2743 150
gc drop o2743
gc alloc o2744 72
gc alloc o2745 186
gc drop o2745
gc alloc o2746 63
gc drop o2746
gc alloc o2747 192
gc drop o2747
gc alloc o2748 164
gc alloc o2749 180
gc drop o2749
gc alloc o2750 97
gc drop o2750
gc alloc o2751 89
gc drop o2751
gc alloc o2752 194
gc alloc o2753 68
gc drop o2753
gc alloc o2754 172
gc drop o2754
gc alloc o2755 117
gc drop o2755
gc alloc o2756 197
gc alloc o2757 57
gc drop o2757
gc alloc o2758 51
gc drop o2758
gc alloc o2759 170
gc drop o2759
gc alloc o2760 139
gc alloc o2761 89
gc drop o2761
gc alloc o2762 174
gc drop o2762
gc alloc o2763 117
gc drop o2763
gc alloc o2764 132
gc alloc o2765 98
gc drop o2765
gc alloc o2766 199
gc drop o2766
gc alloc o2767 83
gc drop o2767
gc alloc o2768 96
gc alloc o2769 100
gc drop o2769
gc alloc o2770 24
gc drop o2770
gc alloc o2771 88
gc drop o2771
gc alloc o2772 184
gc alloc o2773 117
gc drop o2773
gc alloc o2774 136
gc drop o2774
gc alloc o2775 171
gc drop o2775
gc alloc o2776 159
gc alloc o2777 183
gc drop o2777
gc alloc o2778 76
gc drop o2778
gc alloc o2779 83
gc drop o2779
gc alloc o2780 35
gc alloc o2781 43
gc drop o2781
gc alloc o2782 37
gc drop o2782
gc alloc o2783 165
gc drop o2783
gc alloc o2784 42
gc alloc o2785 169
gc drop o2785
gc alloc o2786 120
gc drop o2786
gc alloc o2787 181
gc drop o2787
gc alloc o2788 174
gc alloc o2789 43
gc drop o2789
gc alloc o2790 108
gc drop o2790
gc alloc o2791 50
gc drop o2791
gc alloc o2792 143
gc alloc o2793 123
gc drop o2793
gc alloc o2794 25
gc drop o2794
gc alloc o2795 136
gc drop o2795
gc alloc o2796 169
gc alloc o2797 111
gc drop o2797
gc alloc o2798 98
gc drop o2798
gc alloc o2799 184
gc drop o2799
gc alloc o2800 163
gc alloc o2801 81
gc drop o2801
gc alloc o2802 47
gc drop o2802
gc alloc o2803 150
gc drop o2803
gc alloc o2804 177
gc alloc o2805 156
gc drop o2805
gc alloc o2806 65
gc drop o2806
gc alloc o2807 166
gc drop o2807
gc alloc o2808 163
gc alloc o2809 197
gc drop o2809
gc alloc o2810 45
gc drop o2810
gc alloc o2811 143
gc drop o2811
gc alloc o2812 49
gc alloc o2813 33
gc drop o2813
gc alloc o2814 105
gc drop o2814
gc alloc o2815 88
gc drop o2815
gc alloc o2816 48
gc alloc o2817 176
gc drop o2817
gc alloc o2818 168
gc drop o2818
gc alloc o2819 75
gc drop o2819
gc alloc o2820 29
gc alloc o2821 115
gc drop o2821
gc alloc o2822 44
gc drop o2822
gc alloc o2823 49
gc drop o2823
gc alloc o2824 130
gc alloc o2825 35
gc drop o2825
gc alloc o2826 71
gc drop o2826
gc alloc o2827 187
gc drop o2827
gc alloc o2828 128
gc alloc o2829 194
gc drop o2829
gc alloc o2830 35
gc drop o2830
gc alloc o2831 85
gc drop o2831
gc alloc o2832 16
gc alloc o2833 41
gc drop o2833
gc alloc o2834 167
gc drop o2834
gc alloc o2835 148
gc drop o2835
gc alloc o2836 69
gc alloc o2837 166
gc drop o2837
gc alloc o2838 170
gc drop o2838
gc alloc o2839 186
gc drop o2839
gc alloc o2840 74
gc alloc o2841 164
gc drop o2841
gc alloc o2842 127
gc drop o2842
gc alloc o2843 145
gc drop o2843
gc alloc o2844 164
gc alloc o2845 143
gc drop o2845
gc alloc o2846 93
gc drop o2846
gc alloc o2847 44
gc drop o2847
gc alloc o2848 74
gc alloc o2849 51
gc drop o2849
gc alloc o2850 156
gc drop o2850
gc alloc o2851 140
gc drop o2851
gc alloc o2852 171
gc alloc o2853 110
gc drop o2853
gc alloc o2854 182
gc drop o2854
gc alloc o2855 170
gc drop o2855
gc alloc o2856 143
gc alloc o2857 20
gc drop o2857
gc alloc o2858 182
gc drop o2858
gc alloc o2859 51
gc drop o2859
gc alloc o2860 176
gc alloc o2861 120
gc drop o2861
gc alloc o2862 177
gc drop o2862
gc alloc o2863 84
gc drop o2863
gc alloc o2864 50
gc alloc o2865 190
gc drop o2865
gc alloc o2866 24
gc drop o2866
gc alloc o2867 115
gc drop o2867
gc alloc o2868 25
gc alloc o2869 122
gc drop o2869
gc alloc o2870 59
gc drop o2870
gc alloc o2871 107
gc drop o2871
gc alloc o2872 166
gc alloc o2873 191
gc drop o2873
gc alloc o2874 133
gc drop o2874
gc alloc o2875 183
gc drop o2875
gc alloc o2876 138
gc alloc o2877 141
gc drop o2877
gc alloc o2878 123
gc drop o2878
gc alloc o2879 74
gc drop o2879
gc alloc o2880 99
gc alloc o2881 105
gc drop o2881
gc alloc o2882 137
gc drop o2882
gc alloc o2883 189
gc drop o2883
gc alloc o2884 125
gc alloc o2885 46
gc drop o2885
gc alloc o2886 200
gc drop o2886
gc alloc o2887 22
gc drop o2887
gc alloc o2888 153
gc alloc o2889 192
gc drop o2889
gc alloc o2890 21
gc drop o2890
gc alloc o2891 65
gc drop o2891
gc alloc o2892 187
gc alloc o2893 200
gc drop o2893
gc alloc o2894 152
gc drop o2894
gc alloc o2895 130
gc drop o2895
gc alloc o2896 51
gc alloc o2897 100
gc drop o2897
gc alloc o2898 99
gc drop o2898
gc alloc o2899 186
gc drop o2899
gc alloc o2900 180
gc alloc o2901 121
gc drop o2901
gc alloc o2902 36
gc drop o2902
gc alloc o2903 102
gc drop o2903
gc alloc o2904 85
gc alloc o2905 115
gc drop o2905
gc alloc o2906 35
gc drop o2906
gc alloc o2907 47
gc drop o2907
gc alloc o2908 35
gc alloc o2909 191
gc drop o2909
gc alloc o2910 34
gc drop o2910
gc alloc o2911 34
gc drop o2911
gc alloc o2912 188
gc alloc o2913 147
gc drop o2913
gc alloc o2914 53
gc drop o2914
gc alloc o2915 34
gc drop o2915
gc alloc o2916 64
gc alloc o2917 143
gc drop o2917
gc alloc o2918 127
gc drop o2918
gc alloc o2919 104
gc drop o2919
gc alloc o2920 113
gc alloc o2921 78
gc drop o2921
gc alloc o2922 169
gc drop o2922
gc alloc o2923 110
gc drop o2923
gc alloc o2924 64
gc alloc o2925 65
gc drop o2925
gc alloc o2926 37
gc drop o2926
gc alloc o2927 185
gc drop o2927
gc alloc o2928 190
gc alloc o2929 95
gc drop o2929
gc alloc o2930 84
gc drop o2930
gc alloc o2931 24
gc drop o2931
gc alloc o2932 121
gc alloc o2933 167
gc drop o2933
gc alloc o2934 115
gc drop o2934
gc alloc o2935 72
gc drop o2935
gc alloc o2936 172
gc alloc o2937 98
gc drop o2937
gc alloc o2938 48
gc drop o2938
gc alloc o2939 167
gc drop o2939
gc alloc o2940 170
gc alloc o2941 54
gc drop o2941
gc alloc o2942 19
gc drop o2942
gc alloc o2943 67
gc drop o2943
gc alloc o2944 128
gc alloc o2945 177
gc drop o2945
gc alloc o2946 66
gc drop o2946
gc alloc o2947 28
gc drop o2947
gc alloc o2948 16
gc alloc o2949 189
gc drop o2949
gc alloc o2950 111
gc drop o2950
gc alloc o2951 81
gc drop o2951
gc alloc o2952 142
gc alloc o2953 142
gc drop o2953
gc alloc o2954 142
gc drop o2954
gc alloc o2955 34
gc drop o2955
gc alloc o2956 131
gc alloc o2957 159
gc drop o2957
gc alloc o2958 35
gc drop o2958
gc alloc o2959 188
gc drop o2959
gc alloc o2960 97
gc alloc o2961 60
gc drop o2961
gc alloc o2962 164
gc drop o2962
gc alloc o2963 150
gc drop o2963
gc alloc o2964 26
gc alloc o2965 163
gc drop o2965
gc alloc o2966 32
gc drop o2966
gc alloc o2967 179
gc drop o2967
gc alloc o2968 21
gc alloc o2969 160
gc drop o2969
gc alloc o2970 99
gc drop o2970
gc alloc o2971 40
gc drop o2971
gc alloc o2972 45
gc alloc o2973 137
gc drop o2973
gc alloc o2974 18
gc drop o2974
gc alloc o2975 153
gc drop o2975
gc alloc o2976 76
gc alloc o2977 171
gc drop o2977
gc alloc o2978 134
gc drop o2978
gc alloc o2979 22
gc drop o2979
gc alloc o2980 195
gc alloc o2981 76
gc drop o2981
gc alloc o2982 112
gc drop o2982
gc alloc o2983 105
gc drop o2983
gc alloc o2984 45
gc alloc o2985 26
gc drop o2985
gc alloc o2986 44
gc drop o2986
gc alloc o2987 197
gc drop o2987
gc alloc o2988 66
gc alloc o2989 136
gc drop o2989
gc alloc o2990 97
gc drop o2990
gc alloc o2991 85
gc drop o2991
gc alloc o2992 72
gc alloc o2993 109
gc drop o2993
gc alloc o2994 160
gc drop o2994
gc alloc o2995 134
gc drop o2995
gc alloc o2996 166
gc alloc o2997 69
gc drop o2997
gc alloc o2998 76
gc drop o2998
gc alloc o2999 65
gc drop o2999
gc collect
check
phase load
gc alloc d0 256
gc alloc d1 256
gc alloc d2 256
gc alloc d3 256
gc alloc d4 256
gc alloc d5 256
gc alloc d6 256
gc alloc d7 256
gc alloc d8 256
gc alloc d9 256
gc alloc d10 256
gc alloc d11 256
gc alloc d12 256
gc alloc d13 256
gc alloc d14 256
gc alloc d15 256
gc alloc d16 256
gc alloc d17 256
gc alloc d18 256
gc alloc d19 256
gc alloc d20 256
gc alloc d21 256
gc alloc d22 256
gc alloc d23 256
gc alloc d24 256
gc alloc d25 256
gc alloc d26 256
gc alloc d27 256
gc alloc d28 256
gc alloc d29 256
gc alloc d30 256
gc alloc d31 256
gc alloc d32 256
gc alloc d33 256
gc alloc d34 256
gc alloc d35 256
gc alloc d36 256
gc alloc d37 256
gc alloc d38 256
gc alloc d39 256
gc alloc d40 256
gc alloc d41 256
gc alloc d42 256
gc alloc d43 256
gc alloc d44 256
gc alloc d45 256
gc alloc d46 256
gc alloc d47 256
gc alloc d48 256
gc alloc d49 256
gc alloc d50 256
gc alloc d51 256
gc alloc d52 256
gc alloc d53 256
gc alloc d54 256
gc alloc d55 256
gc alloc d56 256
gc alloc d57 256
gc alloc d58 256
gc alloc d59 256
gc alloc d60 256
gc alloc d61 256
gc alloc d62 256
gc alloc d63 256
gc alloc d64 256
gc alloc d65 256
gc alloc d66 256
gc alloc d67 256
gc alloc d68 256
gc alloc d69 256
gc alloc d70 256
gc alloc d71 256
gc alloc d72 256
gc alloc d73 256
gc alloc d74 256
gc alloc d75 256
gc alloc d76 256
gc alloc d77 256
gc alloc d78 256
gc alloc d79 256
gc alloc d80 256
gc alloc d81 256
gc alloc d82 256
gc alloc d83 256
gc alloc d84 256
gc alloc d85 256
gc alloc d86 256
gc alloc d87 256
gc alloc d88 256
gc alloc d89 256
gc alloc d90 256
gc alloc d91 256
gc alloc d92 256
gc alloc d93 256
gc alloc d94 256
gc alloc d95 256
gc alloc d96 256
gc alloc d97 256
gc alloc d98 256
gc alloc d99 256
gc alloc d100 256
gc alloc d101 256
gc alloc d102 256
gc alloc d103 256
gc alloc d104 256
gc alloc d105 256
gc alloc d106 256
gc alloc d107 256
gc alloc d108 256
gc alloc d109 256
gc alloc d110 256
gc alloc d111 256
gc alloc d112 256
gc alloc d113 256
gc alloc d114 256
gc alloc d115 256
gc alloc d116 256
gc alloc d117 256
gc alloc d118 256
gc alloc d119 256
gc alloc d120 256
gc alloc d121 256
gc alloc d122 256
gc alloc d123 256
gc alloc d124 256
gc alloc d125 256
gc alloc d126 256
gc alloc d127 256
gc alloc d128 256
gc alloc d129 256
gc alloc d130 256
gc alloc d131 256
gc alloc d132 256
gc alloc d133 256
gc alloc d134 256
gc alloc d135 256
gc alloc d136 256
gc alloc d137 256
gc alloc d138 256
gc alloc d139 256
gc alloc d140 256
gc alloc d141 256
gc alloc d142 256
gc alloc d143 256
gc alloc d144 256
gc alloc d145 256
gc alloc d146 256
gc alloc d147 256
gc alloc d148 256
gc alloc d149 256
gc alloc d150 256
gc alloc d151 256
gc alloc d152 256
gc alloc d153 256
gc alloc d154 256
gc alloc d155 256
gc alloc d156 256
gc alloc d157 256
gc alloc d158 256
gc alloc d159 256
gc alloc d160 256
gc alloc d161 256
gc alloc d162 256
gc alloc d163 256
gc alloc d164 256
gc alloc d165 256
gc alloc d166 256
gc alloc d167 256
gc alloc d168 256
gc alloc d169 256
gc alloc d170 256
gc alloc d171 256
gc alloc d172 256
gc alloc d173 256
gc alloc d174 256
gc alloc d175 256
gc alloc d176 256
gc alloc d177 256
gc alloc d178 256
gc alloc d179 256
gc alloc d180 256
gc alloc d181 256
gc alloc d182 256
gc alloc d183 256
gc alloc d184 256
gc alloc d185 256
gc alloc d186 256
gc alloc d187 256
gc alloc d188 256
gc alloc d189 256
gc alloc d190 256
gc alloc d191 256
gc alloc d192 256
gc alloc d193 256
gc alloc d194 256
gc alloc d195 256
gc alloc d196 256
gc alloc d197 256
gc alloc d198 256
gc alloc d199 256
gc alloc d200 256
gc alloc d201 256
gc alloc d202 256
gc alloc d203 256
gc alloc d204 256
gc alloc d205 256
gc alloc d206 256
gc alloc d207 256
gc alloc d208 256
gc alloc d209 256
gc alloc d210 256
gc alloc d211 256
gc alloc d212 256
gc alloc d213 256
gc alloc d214 256
gc alloc d215 256
gc alloc d216 256
gc alloc d217 256
gc alloc d218 256
gc alloc d219 256
gc alloc d220 256
gc alloc d221 256
gc alloc d222 256
gc alloc d223 256
gc alloc d224 256
gc alloc d225 256
gc alloc d226 256
gc alloc d227 256
gc alloc d228 256
gc alloc d229 256
gc alloc d230 256
gc alloc d231 256
gc alloc d232 256
gc alloc d233 256
gc alloc d234 256
gc alloc d235 256
gc alloc d236 256
gc alloc d237 256
gc alloc d238 256
gc alloc d239 256
gc alloc d240 256
gc alloc d241 256
gc alloc d242 256
gc alloc d243 256
gc alloc d244 256
gc alloc d245 256
gc alloc d246 256
gc alloc d247 256
gc alloc d248 256
gc alloc d249 256
gc alloc d250 256
gc alloc d251 256
gc alloc d252 256
gc alloc d253 256
gc alloc d254 256
gc alloc d255 256
gc alloc d256 256
gc alloc d257 256
gc alloc d258 256
gc alloc d259 256
gc alloc d260 256
gc alloc d261 256
gc alloc d262 256
gc alloc d263 256
gc alloc d264 256
gc alloc d265 256
gc alloc d266 256
gc alloc d267 256
gc alloc d268 256
gc alloc d269 256
gc alloc d270 256
gc alloc d271 256
gc alloc d272 256
gc alloc d273 256
gc alloc d274 256
gc alloc d275 256
gc alloc d276 256
gc alloc d277 256
gc alloc d278 256
gc alloc d279 256
gc alloc d280 256
gc alloc d281 256
gc alloc d282 256
gc alloc d283 256
gc alloc d284 256
gc alloc d285 256
gc alloc d286 256
gc alloc d287 256
gc alloc d288 256
gc alloc d289 256
gc alloc d290 256
gc alloc d291 256
gc alloc d292 256
gc alloc d293 256
gc alloc d294 256
gc alloc d295 256
gc alloc d296 256
gc alloc d297 256
gc alloc d298 256
gc alloc d299 256
gc alloc d300 256
gc alloc d301 256
gc alloc d302 256
gc alloc d303 256
gc alloc d304 256
gc alloc d305 256
gc alloc d306 256
gc alloc d307 256
gc alloc d308 256
gc alloc d309 256
gc alloc d310 256
gc alloc d311 256
gc alloc d312 256
gc alloc d313 256
gc alloc d314 256
gc alloc d315 256
gc alloc d316 256
gc alloc d317 256
gc alloc d318 256
gc alloc d319 256
gc alloc d320 256
gc alloc d321 256
gc alloc d322 256
gc alloc d323 256
gc alloc d324 256
gc alloc d325 256
gc alloc d326 256
gc alloc d327 256
gc alloc d328 256
gc alloc d329 256
gc alloc d330 256
gc alloc d331 256
gc alloc d332 256
gc alloc d333 256
gc alloc d334 256
gc alloc d335 256
gc alloc d336 256
gc alloc d337 256
gc alloc d338 256
gc alloc d339 256
gc alloc d340 256
gc alloc d341 256
gc alloc d342 256
gc alloc d343 256
gc alloc d344 256
gc alloc d345 256
gc alloc d346 256
gc alloc d347 256
gc alloc d348 256
gc alloc d349 256
gc alloc d350 256
gc alloc d351 256
gc alloc d352 256
gc alloc d353 256
gc alloc d354 256
gc alloc d355 256
gc alloc d356 256
gc alloc d357 256
gc alloc d358 256
gc alloc d359 256
gc alloc d360 256
gc alloc d361 256
gc alloc d362 256
gc alloc d363 256
gc alloc d364 256
gc alloc d365 256
gc alloc d366 256
gc alloc d367 256
gc alloc d368 256
gc alloc d369 256
gc alloc d370 256
gc alloc d371 256
gc alloc d372 256
gc alloc d373 256
gc alloc d374 256
gc alloc d375 256
gc alloc d376 256
gc alloc d377 256
gc alloc d378 256
gc alloc d379 256
gc alloc d380 256
gc alloc d381 256
gc alloc d382 256
gc alloc d383 256
gc alloc d384 256
gc alloc d385 256
gc alloc d386 256
gc alloc d387 256
gc alloc d388 256
gc alloc d389 256
gc alloc d390 256
gc alloc d391 256
gc alloc d392 256
gc alloc d393 256
gc alloc d394 256
gc alloc d395 256
gc alloc d396 256
gc alloc d397 256
gc alloc d398 256
gc alloc d399 256
gc alloc d400 256
gc alloc d401 256
gc alloc d402 256
gc alloc d403 256
gc alloc d404 256
gc alloc d405 256
gc alloc d406 256
gc alloc d407 256
gc alloc d408 256
gc alloc d409 256
gc alloc d410 256
gc alloc d411 256
gc alloc d412 256
gc alloc d413 256
gc alloc d414 256
gc alloc d415 256
gc alloc d416 256
gc alloc d417 256
gc alloc d418 256
gc alloc d419 256
gc alloc d420 256
gc alloc d421 256
gc alloc d422 256
gc alloc d423 256
gc alloc d424 256
gc alloc d425 256
gc alloc d426 256
gc alloc d427 256
gc alloc d428 256
gc alloc d429 256
gc alloc d430 256
gc alloc d431 256
gc alloc d432 256
gc alloc d433 256
gc alloc d434 256
gc alloc d435 256
gc alloc d436 256
gc alloc d437 256
gc alloc d438 256
gc alloc d439 256
gc alloc d440 256
gc alloc d441 256
gc alloc d442 256
gc alloc d443 256
gc alloc d444 256
gc alloc d445 256
gc alloc d446 256
gc alloc d447 256
gc alloc d448 256
gc alloc d449 256
gc alloc d450 256
gc alloc d451 256
gc alloc d452 256
gc alloc d453 256
gc alloc d454 256
gc alloc d455 256
gc alloc d456 256
gc alloc d457 256
gc alloc d458 256
gc alloc d459 256
gc alloc d460 256
gc alloc d461 256
gc alloc d462 256
gc alloc d463 256
gc alloc d464 256
gc alloc d465 256
gc alloc d466 256
gc alloc d467 256
gc alloc d468 256
gc alloc d469 256
gc alloc d470 256
gc alloc d471 256
gc alloc d472 256
gc alloc d473 256
gc alloc d474 256
gc alloc d475 256
gc alloc d476 256
gc alloc d477 256
gc alloc d478 256
gc alloc d479 256
gc alloc d480 256
gc alloc d481 256
gc alloc d482 256
gc alloc d483 256
gc alloc d484 256
gc alloc d485 256
gc alloc d486 256
gc alloc d487 256
gc alloc d488 256
gc alloc d489 256
gc alloc d490 256
gc alloc d491 256
gc alloc d492 256
gc alloc d493 256
gc alloc d494 256
gc alloc d495 256
gc alloc d496 256
gc alloc d497 256
gc alloc d498 256
gc alloc d499 256
gc alloc d500 256
gc alloc d501 256
gc alloc d502 256
gc alloc d503 256
gc alloc d504 256
gc alloc d505 256
gc alloc d506 256
gc alloc d507 256
gc alloc d508 256
gc alloc d509 256
gc alloc d510 256
gc alloc d511 256
gc alloc d512 256
gc alloc d513 256
gc alloc d514 256
gc alloc d515 256
gc alloc d516 256
gc alloc d517 256
gc alloc d518 256
gc alloc d519 256
gc alloc d520 256
gc alloc d521 256
gc alloc d522 256
gc alloc d523 256
gc alloc d524 256
gc alloc d525 256
gc alloc d526 256
gc alloc d527 256
gc alloc d528 256
gc alloc d529 256
gc alloc d530 256
gc alloc d531 256
gc alloc d532 256
gc alloc d533 256
gc alloc d534 256
gc alloc d535 256
gc alloc d536 256
gc alloc d537 256
gc alloc d538 256
gc alloc d539 256
gc alloc d540 256
gc alloc d541 256
gc alloc d542 256
gc alloc d543 256
gc alloc d544 256
gc alloc d545 256
gc alloc d546 256
gc alloc d547 256
gc alloc d548 256
gc alloc d549 256
gc alloc d550 256
gc alloc d551 256
gc alloc d552 256
gc alloc d553 256
gc alloc d554 256
gc alloc d555 256
gc alloc d556 256
gc alloc d557 256
gc alloc d558 256
gc alloc d559 256
gc alloc d560 256
gc alloc d561 256
gc alloc d562 256
gc alloc d563 256
gc alloc d564 256
gc alloc d565 256
gc alloc d566 256
gc alloc d567 256
gc alloc d568 256
gc alloc d569 256
gc alloc d570 256
gc alloc d571 256
gc alloc d572 256
gc alloc d573 256
gc alloc d574 256
gc alloc d575 256
gc alloc d576 256
gc alloc d577 256
gc alloc d578 256
gc alloc d579 256
gc alloc d580 256
gc alloc d581 256
gc alloc d582 256
gc alloc d583 256
gc alloc d584 256
gc alloc d585 256
gc alloc d586 256
gc alloc d587 256
gc alloc d588 256
gc alloc d589 256
gc alloc d590 256
gc alloc d591 256
gc alloc d592 256
gc alloc d593 256
gc alloc d594 256
gc alloc d595 256
gc alloc d596 256
gc alloc d597 256
gc alloc d598 256
gc alloc d599 256
gc alloc d600 256
gc alloc d601 256
gc alloc d602 256
gc alloc d603 256
gc alloc d604 256
gc alloc d605 256
gc alloc d606 256
gc alloc d607 256
gc alloc d608 256
gc alloc d609 256
gc alloc d610 256
gc alloc d611 256
gc alloc d612 256
gc alloc d613 256
gc alloc d614 256
gc alloc d615 256
gc alloc d616 256
gc alloc d617 256
gc alloc d618 256
gc alloc d619 256
gc alloc d620 256
gc alloc d621 256
gc alloc d622 256
gc alloc d623 256
gc alloc d624 256
gc alloc d625 256
gc alloc d626 256
gc alloc d627 256
gc alloc d628 256
gc alloc d629 256
gc alloc d630 256
gc alloc d631 256
gc alloc d632 256
gc alloc d633 256
gc alloc d634 256
gc alloc d635 256
gc alloc d636 256
gc alloc d637 256
gc alloc d638 256
gc alloc d639 256
gc alloc d640 256
gc alloc d641 256
gc alloc d642 256
gc alloc d643 256
gc alloc d644 256
gc alloc d645 256
gc alloc d646 256
gc alloc d647 256
gc alloc d648 256
gc alloc d649 256
gc alloc d650 256
gc alloc d651 256
gc alloc d652 256
gc alloc d653 256
gc alloc d654 256
gc alloc d655 256
gc alloc d656 256
gc alloc d657 256
gc alloc d658 256
gc alloc d659 256
gc alloc d660 256
gc alloc d661 256
gc alloc d662 256
gc alloc d663 256
gc alloc d664 256
gc alloc d665 256
gc alloc d666 256
gc alloc d667 256
gc alloc d668 256
gc alloc d669 256
gc alloc d670 256
gc alloc d671 256
gc alloc d672 256
gc alloc d673 256
gc alloc d674 256
gc alloc d675 256
gc alloc d676 256
gc alloc d677 256
gc alloc d678 256
gc alloc d679 256
gc alloc d680 256
gc alloc d681 256
gc alloc d682 256
gc alloc d683 256
gc alloc d684 256
gc alloc d685 256
gc alloc d686 256
gc alloc d687 256
gc alloc d688 256
gc alloc d689 256
gc alloc d690 256
gc alloc d691 256
gc alloc d692 256
gc alloc d693 256
gc alloc d694 256
gc alloc d695 256
gc alloc d696 256
gc alloc d697 256
gc alloc d698 256
gc alloc d699 256
gc alloc d700 256
gc alloc d701 256
gc alloc d702 256
gc alloc d703 256
gc alloc d704 256
gc alloc d705 256
gc alloc d706 256
gc alloc d707 256
gc alloc d708 256
gc alloc d709 256
gc alloc d710 256
gc alloc d711 256
gc alloc d712 256
gc alloc d713 256
gc alloc d714 256
gc alloc d715 256
gc alloc d716 256
gc alloc d717 256
gc alloc d718 256
gc alloc d719 256
gc alloc d720 256
gc alloc d721 256
gc alloc d722 256
gc alloc d723 256
gc alloc d724 256
gc alloc d725 256
gc alloc d726 256
gc alloc d727 256
gc alloc d728 256
gc alloc d729 256
gc alloc d730 256
gc alloc d731 256
gc alloc d732 256
gc alloc d733 256
gc alloc d734 256
gc alloc d735 256
gc alloc d736 256
gc alloc d737 256
gc alloc d738 256
gc alloc d739 256
gc alloc d740 256
gc alloc d741 256
gc alloc d742 256
gc alloc d743 256
gc alloc d744 256
gc alloc d745 256
gc alloc d746 256
gc alloc d747 256
gc alloc d748 256
gc alloc d749 256
gc alloc d750 256
gc alloc d751 256
gc alloc d752 256
gc alloc d753 256
gc alloc d754 256
gc alloc d755 256
gc alloc d756 256
gc alloc d757 256
gc alloc d758 256
gc alloc d759 256
gc alloc d760 256
gc alloc d761 256
gc alloc d762 256
gc alloc d763 256
gc alloc d764 256
gc alloc d765 256
gc alloc d766 256
gc alloc d767 256
gc alloc d768 256
gc alloc d769 256
gc alloc d770 256
gc alloc d771 256
gc alloc d772 256
gc alloc d773 256
gc alloc d774 256
gc alloc d775 256
gc alloc d776 256
gc alloc d777 256
gc alloc d778 256
gc alloc d779 256
gc alloc d780 256
gc alloc d781 256
gc alloc d782 256
gc alloc d783 256
gc alloc d784 256
gc alloc d785 256
gc alloc d786 256
gc alloc d787 256
gc alloc d788 256
gc alloc d789 256
gc alloc d790 256
gc alloc d791 256
gc alloc d792 256
gc alloc d793 256
gc alloc d794 256
gc alloc d795 256
gc alloc d796 256
gc alloc d797 256
gc alloc d798 256
gc alloc d799 256
gc alloc d800 256
gc alloc d801 256
gc alloc d802 256
gc alloc d803 256
gc alloc d804 256
gc alloc d805 256
gc alloc d806 256
gc alloc d807 256
gc alloc d808 256
gc alloc d809 256
gc alloc d810 256
gc alloc d811 256
gc alloc d812 256
gc alloc d813 256
gc alloc d814 256
gc alloc d815 256
gc alloc d816 256
gc alloc d817 256
gc alloc d818 256
gc alloc d819 256
gc alloc d820 256
gc alloc d821 256
gc alloc d822 256
gc alloc d823 256
gc alloc d824 256
gc alloc d825 256
gc alloc d826 256
gc alloc d827 256
gc alloc d828 256
gc alloc d829 256
gc alloc d830 256
gc alloc d831 256
gc alloc d832 256
gc alloc d833 256
gc alloc d834 256
gc alloc d835 256
gc alloc d836 256
gc alloc d837 256
gc alloc d838 256
gc alloc d839 256
gc alloc d840 256
gc alloc d841 256
gc alloc d842 256
gc alloc d843 256
gc alloc d844 256
gc alloc d845 256
gc alloc d846 256
gc alloc d847 256
gc alloc d848 256
gc alloc d849 256
gc alloc d850 256
gc alloc d851 256
gc alloc d852 256
gc alloc d853 256
gc alloc d854 256
gc alloc d855 256
gc alloc d856 256
gc alloc d857 256
gc alloc d858 256
gc alloc d859 256
gc alloc d860 256
gc alloc d861 256
gc alloc d862 256
gc alloc d863 256
gc alloc d864 256
gc alloc d865 256
gc alloc d866 256
gc alloc d867 256
gc alloc d868 256
gc alloc d869 256
gc alloc d870 256
gc alloc d871 256
gc alloc d872 256
gc alloc d873 256
gc alloc d874 256
gc alloc d875 256
gc alloc d876 256
gc alloc d877 256
gc alloc d878 256
gc alloc d879 256
gc alloc d880 256
gc alloc d881 256
gc alloc d882 256
gc alloc d883 256
gc alloc d884 256
gc alloc d885 256
gc alloc d886 256
gc alloc d887 256
gc alloc d888 256
gc alloc d889 256
gc alloc d890 256
gc alloc d891 256
gc alloc d892 256
gc alloc d893 256
gc alloc d894 256
gc alloc d895 256
gc alloc d896 256
gc alloc d897 256
gc alloc d898 256
gc alloc d899 256
gc alloc d900 256
gc alloc d901 256
gc alloc d902 256
gc alloc d903 256
gc alloc d904 256
gc alloc d905 256
gc alloc d906 256
gc alloc d907 256
gc alloc d908 256
gc alloc d909 256
gc alloc d910 256
gc alloc d911 256
gc alloc d912 256
gc alloc d913 256
gc alloc d914 256
gc alloc d915 256
gc alloc d916 256
gc alloc d917 256
gc alloc d918 256
gc alloc d919 256
gc alloc d920 256
gc alloc d921 256
gc alloc d922 256
gc alloc d923 256
gc alloc d924 256
gc alloc d925 256
gc alloc d926 256
gc alloc d927 256
gc alloc d928 256
gc alloc d929 256
gc alloc d930 256
gc alloc d931 256
gc alloc d932 256
gc alloc d933 256
gc alloc d934 256
gc alloc d935 256
gc alloc d936 256
gc alloc d937 256
gc alloc d938 256
gc alloc d939 256
gc alloc d940 256
gc alloc d941 256
gc alloc d942 256
gc alloc d943 256
gc alloc d944 256
gc alloc d945 256
gc alloc d946 256
gc alloc d947 256
gc alloc d948 256
gc alloc d949 256
gc alloc d950 256
gc alloc d951 256
gc alloc d952 256
gc alloc d953 256
gc alloc d954 256
gc alloc d955 256
gc alloc d956 256
gc alloc d957 256
gc alloc d958 256
gc alloc d959 256
gc alloc d960 256
gc alloc d961 256
gc alloc d962 256
gc alloc d963 256
gc alloc d964 256
gc alloc d965 256
gc alloc d966 256
gc alloc d967 256
gc alloc d968 256
gc alloc d969 256
gc alloc d970 256
gc alloc d971 256
gc alloc d972 256
gc alloc d973 256
gc alloc d974 256
gc alloc d975 256
gc alloc d976 256
gc alloc d977 256
gc alloc d978 256
gc alloc d979 256
gc alloc d980 256
gc alloc d981 256
gc alloc d982 256
gc alloc d983 256
gc alloc d984 256
gc alloc d985 256
gc alloc d986 256
gc alloc d987 256
gc alloc d988 256
gc alloc d989 256
gc alloc d990 256
gc alloc d991 256
gc alloc d992 256
gc alloc d993 256
gc alloc d994 256
gc alloc d995 256
gc alloc d996 256
gc alloc d997 256
gc alloc d998 256
gc alloc d999 256
gc alloc d1000 256
gc alloc d1001 256
gc alloc d1002 256
gc alloc d1003 256
gc alloc d1004 256
gc alloc d1005 256
gc alloc d1006 256
gc alloc d1007 256
gc alloc d1008 256
gc alloc d1009 256
gc alloc d1010 256
gc alloc d1011 256
gc alloc d1012 256
gc alloc d1013 256
gc alloc d1014 256
gc alloc d1015 256
gc alloc d1016 256
gc alloc d1017 256
gc alloc d1018 256
gc alloc d1019 256
gc alloc d1020 256
gc alloc d1021 256
gc alloc d1022 256
gc alloc d1023 256
gc alloc d1024 256
gc alloc d1025 256
gc alloc d1026 256
gc alloc d1027 256
gc alloc d1028 256
gc alloc d1029 256
gc alloc d1030 256
gc alloc d1031 256
gc alloc d1032 256
gc alloc d1033 256
gc alloc d1034 256
gc alloc d1035 256
gc alloc d1036 256
gc alloc d1037 256
gc alloc d1038 256
gc alloc d1039 256
gc alloc d1040 256
gc alloc d1041 256
gc alloc d1042 256
gc alloc d1043 256
gc alloc d1044 256
gc alloc d1045 256
gc alloc d1046 256
gc alloc d1047 256
gc alloc d1048 256
gc alloc d1049 256
gc alloc d1050 256
gc alloc d1051 256
gc alloc d1052 256
gc alloc d1053 256
gc alloc d1054 256
gc alloc d1055 256
gc alloc d1056 256
gc alloc d1057 256
gc alloc d1058 256
gc alloc d1059 256
gc alloc d1060 256
gc alloc d1061 256
gc alloc d1062 256
gc alloc d1063 256
gc alloc d1064 256
gc alloc d1065 256
gc alloc d1066 256
gc alloc d1067 256
gc alloc d1068 256
gc alloc d1069 256
gc alloc d1070 256
gc alloc d1071 256
gc alloc d1072 256
gc alloc d1073 256
gc alloc d1074 256
gc alloc d1075 256
gc alloc d1076 256
gc alloc d1077 256
gc alloc d1078 256
gc alloc d1079 256
gc alloc d1080 256
gc alloc d1081 256
gc alloc d1082 256
gc alloc d1083 256
gc alloc d1084 256
gc alloc d1085 256
gc alloc d1086 256
gc alloc d1087 256
gc alloc d1088 256
gc alloc d1089 256
gc alloc d1090 256
gc alloc d1091 256
gc alloc d1092 256
gc alloc d1093 256
gc alloc d1094 256
gc alloc d1095 256
gc alloc d1096 256
gc alloc d1097 256
gc alloc d1098 256
gc alloc d1099 256
gc alloc d1100 256
gc alloc d1101 256
gc alloc d1102 256
gc alloc d1103 256
gc alloc d1104 256
gc alloc d1105 256
gc alloc d1106 256
gc alloc d1107 256
gc alloc d1108 256
gc alloc d1109 256
gc alloc d1110 256
gc alloc d1111 256
gc alloc d1112 256
gc alloc d1113 256
gc alloc d1114 256
gc alloc d1115 256
gc alloc d1116 256
gc alloc d1117 256
gc alloc d1118 256
gc alloc d1119 256
gc alloc d1120 256
gc alloc d1121 256
gc alloc d1122 256
gc alloc d1123 256
gc alloc d1124 256
gc alloc d1125 256
gc alloc d1126 256
gc alloc d1127 256
gc alloc d1128 256
gc alloc d1129 256
gc alloc d1130 256
gc alloc d1131 256
gc alloc d1132 256
gc alloc d1133 256
gc alloc d1134 256
gc alloc d1135 256
gc alloc d1136 256
gc alloc d1137 256
gc alloc d1138 256
gc alloc d1139 256
gc alloc d1140 256
gc alloc d1141 256
gc alloc d1142 256
gc alloc d1143 256
gc alloc d1144 256
gc alloc d1145 256
gc alloc d1146 256
gc alloc d1147 256
gc alloc d1148 256
gc alloc d1149 256
gc alloc d1150 256
gc alloc d1151 256
gc alloc d1152 256
gc alloc d1153 256
gc alloc d1154 256
gc alloc d1155 256
gc alloc d1156 256
gc alloc d1157 256
gc alloc d1158 256
gc alloc d1159 256
gc alloc d1160 256
gc alloc d1161 256
gc alloc d1162 256
gc alloc d1163 256
gc alloc d1164 256
gc alloc d1165 256
gc alloc d1166 256
gc alloc d1167 256
gc alloc d1168 256
gc alloc d1169 256
gc alloc d1170 256
gc alloc d1171 256
gc alloc d1172 256
gc alloc d1173 256
gc alloc d1174 256
gc alloc d1175 256
gc alloc d1176 256
gc alloc d1177 256
gc alloc d1178 256
gc alloc d1179 256
gc alloc d1180 256
gc alloc d1181 256
gc alloc d1182 256
gc alloc d1183 256
gc alloc d1184 256
gc alloc d1185 256
gc alloc d1186 256
gc alloc d1187 256
gc alloc d1188 256
gc alloc d1189 256
gc alloc d1190 256
gc alloc d1191 256
gc alloc d1192 256
gc alloc d1193 256
gc alloc d1194 256
gc alloc d1195 256
gc alloc d1196 256
gc alloc d1197 256
gc alloc d1198 256
gc alloc d1199 256
check
phase release
gc drop d0
gc drop d1
gc drop d2
gc drop d3
gc drop d4
gc drop d5
gc drop d6
gc drop d7
gc drop d8
gc drop d9
gc drop d10
gc drop d11
gc drop d12
gc drop d13
gc drop d14
gc drop d15
gc drop d16
gc drop d17
gc drop d18
gc drop d19
gc drop d20
gc drop d21
gc drop d22
gc drop d23
gc drop d24
gc drop d25
gc drop d26
gc drop d27
gc drop d28
gc drop d29
gc drop d30
gc drop d31
gc drop d32
gc drop d33
gc drop d34
gc drop d35
gc drop d36
gc drop d37
gc drop d38
gc drop d39
gc drop d40
gc drop d41
gc drop d42
gc drop d43
gc drop d44
gc drop d45
gc drop d46
gc drop d47
gc drop d48
gc drop d49
gc drop d50
gc drop d51
gc drop d52
gc drop d53
gc drop d54
gc drop d55
gc drop d56
gc drop d57
gc drop d58
gc drop d59
gc drop d60
gc drop d61
gc drop d62
gc drop d63
gc drop d64
gc drop d65
gc drop d66
gc drop d67
gc drop d68
gc drop d69
gc drop d70
gc drop d71
gc drop d72
gc drop d73
gc drop d74
gc drop d75
gc drop d76
gc drop d77
gc drop d78
gc drop d79
gc drop d80
gc drop d81
gc drop d82
gc drop d83
gc drop d84
gc drop d85
gc drop d86
gc drop d87
gc drop d88
gc drop d89
gc drop d90
gc drop d91
gc drop d92
gc drop d93
gc drop d94
gc drop d95
gc drop d96
gc drop d97
gc drop d98
gc drop d99
gc drop d100
gc drop d101
gc drop d102
gc drop d103
gc drop d104
gc drop d105
gc drop d106
gc drop d107
gc drop d108
gc drop d109
gc drop d110
gc drop d111
gc drop d112
gc drop d113
gc drop d114
gc drop d115
gc drop d116
gc drop d117
gc drop d118
gc drop d119
gc drop d120
gc drop d121
gc drop d122
gc drop d123
gc drop d124
gc drop d125
gc drop d126
gc drop d127
gc drop d128
gc drop d129
gc drop d130
gc drop d131
gc drop d132
gc drop d133
gc drop d134
gc drop d135
gc drop d136
gc drop d137
gc drop d138
gc drop d139
gc drop d140
gc drop d141
gc drop d142
gc drop d143
gc drop d144
gc drop d145
gc drop d146
gc drop d147
gc drop d148
gc drop d149
gc drop d150
gc drop d151
gc drop d152
gc drop d153
gc drop d154
gc drop d155
gc drop d156
gc drop d157
gc drop d158
gc drop d159
gc drop d160
gc drop d161
gc drop d162
gc drop d163
gc drop d164
gc drop d165
gc drop d166
gc drop d167
gc drop d168
gc drop d169
gc drop d170
gc drop d171
gc drop d172
gc drop d173
gc drop d174
gc drop d175
gc drop d176
gc drop d177
gc drop d178
gc drop d179
gc drop d180
gc drop d181
gc drop d182
gc drop d183
gc drop d184
gc drop d185
gc drop d186
gc drop d187
gc drop d188
gc drop d189
gc drop d190
gc drop d191
gc drop d192
gc drop d193
gc drop d194
gc drop d195
gc drop d196
gc drop d197
gc drop d198
gc drop d199
gc drop d200
gc drop d201
gc drop d202
gc drop d203
gc drop d204
gc drop d205
gc drop d206
gc drop d207
gc drop d208
gc drop d209
gc drop d210
gc drop d211
gc drop d212
gc drop d213
gc drop d214
gc drop d215
gc drop d216
gc drop d217
gc drop d218
gc drop d219
gc drop d220
gc drop d221
gc drop d222
gc drop d223
gc drop d224
gc drop d225
gc drop d226
gc drop d227
gc drop d228
gc drop d229
gc drop d230
gc drop d231
gc drop d232
gc drop d233
gc drop d234
gc drop d235
gc drop d236
gc drop d237
gc drop d238
gc drop d239
gc drop d240
gc drop d241
gc drop d242
gc drop d243
gc drop d244
gc drop d245
gc drop d246
gc drop d247
gc drop d248
gc drop d249
gc drop d250
gc drop d251
gc drop d252
gc drop d253
gc drop d254
gc drop d255
gc drop d256
gc drop d257
gc drop d258
gc drop d259
gc drop d260
gc drop d261
gc drop d262
gc drop d263
gc drop d264
gc drop d265
gc drop d266
gc drop d267
gc drop d268
gc drop d269
gc drop d270
gc drop d271
gc drop d272
gc drop d273
gc drop d274
gc drop d275
gc drop d276
gc drop d277
gc drop d278
gc drop d279
gc drop d280
gc drop d281
gc drop d282
gc drop d283
gc drop d284
gc drop d285
gc drop d286
gc drop d287
gc drop d288
gc drop d289
gc drop d290
gc drop d291
gc drop d292
gc drop d293
gc drop d294
gc drop d295
gc drop d296
gc drop d297
gc drop d298
gc drop d299
gc drop d300
gc drop d301
gc drop d302
gc drop d303
gc drop d304
gc drop d305
gc drop d306
gc drop d307
gc drop d308
gc drop d309
gc drop d310
gc drop d311
gc drop d312
gc drop d313
gc drop d314
gc drop d315
gc drop d316
gc drop d317
gc drop d318
gc drop d319
gc drop d320
gc drop d321
gc drop d322
gc drop d323
gc drop d324
gc drop d325
gc drop d326
gc drop d327
gc drop d328
gc drop d329
gc drop d330
gc drop d331
gc drop d332
gc drop d333
gc drop d334
gc drop d335
gc drop d336
gc drop d337
gc drop d338
gc drop d339
gc drop d340
gc drop d341
gc drop d342
gc drop d343
gc drop d344
gc drop d345
gc drop d346
gc drop d347
gc drop d348
gc drop d349
gc drop d350
gc drop d351
gc drop d352
gc drop d353
gc drop d354
gc drop d355
gc drop d356
gc drop d357
gc drop d358
gc drop d359
gc drop d360
gc drop d361
gc drop d362
gc drop d363
gc drop d364
gc drop d365
gc drop d366
gc drop d367
gc drop d368
gc drop d369
gc drop d370
gc drop d371
gc drop d372
gc drop d373
gc drop d374
gc drop d375
gc drop d376
gc drop d377
gc drop d378
gc drop d379
gc drop d380
gc drop d381
gc drop d382
gc drop d383
gc drop d384
gc drop d385
gc drop d386
gc drop d387
gc drop d388
gc drop d389
gc drop d390
gc drop d391
gc drop d392
gc drop d393
gc drop d394
gc drop d395
gc drop d396
gc drop d397
gc drop d398
gc drop d399
gc drop d400
gc drop d401
gc drop d402
gc drop d403
gc drop d404
gc drop d405
gc drop d406
gc drop d407
gc drop d408
gc drop d409
gc drop d410
gc drop d411
gc drop d412
gc drop d413
gc drop d414
gc drop d415
gc drop d416
gc drop d417
gc drop d418
gc drop d419
gc drop d420
gc drop d421
gc drop d422
gc drop d423
gc drop d424
gc drop d425
gc drop d426
gc drop d427
gc drop d428
gc drop d429
gc drop d430
gc drop d431
gc drop d432
gc drop d433
gc drop d434
gc drop d435
gc drop d436
gc drop d437
gc drop d438
gc drop d439
gc drop d440
gc drop d441
gc drop d442
gc drop d443
gc drop d444
gc drop d445
gc drop d446
gc drop d447
gc drop d448
gc drop d449
gc drop d450
gc drop d451
gc drop d452
gc drop d453
gc drop d454
gc drop d455
gc drop d456
gc drop d457
gc drop d458
gc drop d459
gc drop d460
gc drop d461
gc drop d462
gc drop d463
gc drop d464
gc drop d465
gc drop d466
gc drop d467
gc drop d468
gc drop d469
gc drop d470
gc drop d471
gc drop d472
gc drop d473
gc drop d474
gc drop d475
gc drop d476
gc drop d477
gc drop d478
gc drop d479
gc drop d480
gc drop d481
gc drop d482
gc drop d483
gc drop d484
gc drop d485
gc drop d486
gc drop d487
gc drop d488
gc drop d489
gc drop d490
gc drop d491
gc drop d492
gc drop d493
gc drop d494
gc drop d495
gc drop d496
gc drop d497
gc drop d498
gc drop d499
gc drop d500
gc drop d501
gc drop d502
gc drop d503
gc drop d504
gc drop d505
gc drop d506
gc drop d507
gc drop d508
gc drop d509
gc drop d510
gc drop d511
gc drop d512
gc drop d513
gc drop d514
gc drop d515
gc drop d516
gc drop d517
gc drop d518
gc drop d519
gc drop d520
gc drop d521
gc drop d522
gc drop d523
gc drop d524
gc drop d525
gc drop d526
gc drop d527
gc drop d528
gc drop d529
gc drop d530
gc drop d531
gc drop d532
gc drop d533
gc drop d534
gc drop d535
gc drop d536
gc drop d537
gc drop d538
gc drop d539
gc drop d540
gc drop d541
gc drop d542
gc drop d543
gc drop d544
gc drop d545
gc drop d546
gc drop d547
gc drop d548
gc drop d549
gc drop d550
gc drop d551
gc drop d552
gc drop d553
gc drop d554
gc drop d555
gc drop d556
gc drop d557
gc drop d558
gc drop d559
gc drop d560
gc drop d561
gc drop d562
gc drop d563
gc drop d564
gc drop d565
gc drop d566
gc drop d567
gc drop d568
gc drop d569
gc drop d570
gc drop d571
gc drop d572
gc drop d573
gc drop d574
gc drop d575
gc drop d576
gc drop d577
gc drop d578
gc drop d579
gc drop d580
gc drop d581
gc drop d582
gc drop d583
gc drop d584
gc drop d585
gc drop d586
gc drop d587
gc drop d588
gc drop d589
gc drop d590
gc drop d591
gc drop d592
gc drop d593
gc drop d594
gc drop d595
gc drop d596
gc drop d597
gc drop d598
gc drop d599
gc drop d600
gc drop d601
gc drop d602
gc drop d603
gc drop d604
gc drop d605
gc drop d606
gc drop d607
gc drop d608
gc drop d609
gc drop d610
gc drop d611
gc drop d612
gc drop d613
gc drop d614
gc drop d615
gc drop d616
gc drop d617
gc drop d618
gc drop d619
gc drop d620
gc drop d621
gc drop d622
gc drop d623
gc drop d624
gc drop d625
gc drop d626
gc drop d627
gc drop d628
gc drop d629
gc drop d630
gc drop d631
gc drop d632
gc drop d633
gc drop d634
gc drop d635
gc drop d636
gc drop d637
gc drop d638
gc drop d639
gc drop d640
gc drop d641
gc drop d642
gc drop d643
gc drop d644
gc drop d645
gc drop d646
gc drop d647
gc drop d648
gc drop d649
gc drop d650
gc drop d651
gc drop d652
gc drop d653
gc drop d654
gc drop d655
gc drop d656
gc drop d657
gc drop d658
gc drop d659
gc drop d660
gc drop d661
gc drop d662
gc drop d663
gc drop d664
gc drop d665
gc drop d666
gc drop d667
gc drop d668
gc drop d669
gc drop d670
gc drop d671
gc drop d672
gc drop d673
gc drop d674
gc drop d675
gc drop d676
gc drop d677
gc drop d678
gc drop d679
gc drop d680
gc drop d681
gc drop d682
gc drop d683
gc drop d684
gc drop d685
gc drop d686
gc drop d687
gc drop d688
gc drop d689
gc drop d690
gc drop d691
gc drop d692
gc drop d693
gc drop d694
gc drop d695
gc drop d696
gc drop d697
gc drop d698
gc drop d699
gc drop d700
gc drop d701
gc drop d702
gc drop d703
gc drop d704
gc drop d705
gc drop d706
gc drop d707
gc drop d708
gc drop d709
gc drop d710
gc drop d711
gc drop d712
gc drop d713
gc drop d714
gc drop d715
gc drop d716
gc drop d717
gc drop d718
gc drop d719
gc drop d720
gc drop d721
gc drop d722
gc drop d723
gc drop d724
gc drop d725
gc drop d726
gc drop d727
gc drop d728
gc drop d729
gc drop d730
gc drop d731
gc drop d732
gc drop d733
gc drop d734
gc drop d735
gc drop d736
gc drop d737
gc drop d738
gc drop d739
gc drop d740
gc drop d741
gc drop d742
gc drop d743
gc drop d744
gc drop d745
gc drop d746
gc drop d747
gc drop d748
gc drop d749
gc drop d750
gc drop d751
gc drop d752
gc drop d753
gc drop d754
gc drop d755
gc drop d756
gc drop d757
gc drop d758
gc drop d759
gc drop d760
gc drop d761
gc drop d762
gc drop d763
gc drop d764
gc drop d765
gc drop d766
gc drop d767
gc drop d768
gc drop d769
gc drop d770
gc drop d771
gc drop d772
gc drop d773
gc drop d774
gc drop d775
gc drop d776
gc drop d777
gc drop d778
gc drop d779
gc drop d780
gc drop d781
gc drop d782
gc drop d783
gc drop d784
gc drop d785
gc drop d786
gc drop d787
gc drop d788
gc drop d789
gc drop d790
gc drop d791
gc drop d792
gc drop d793
gc drop d794
gc drop d795
gc drop d796
gc drop d797
gc drop d798
gc drop d799
gc drop d800
gc drop d801
gc drop d802
gc drop d803
gc drop d804
gc drop d805
gc drop d806
gc drop d807
gc drop d808
gc drop d809
gc drop d810
gc drop d811
gc drop d812
gc drop d813
gc drop d814
gc drop d815
gc drop d816
gc drop d817
gc drop d818
gc drop d819
gc drop d820
gc drop d821
gc drop d822
gc drop d823
gc drop d824
gc drop d825
gc drop d826
gc drop d827
gc drop d828
gc drop d829
gc drop d830
gc drop d831
gc drop d832
gc drop d833
gc drop d834
gc drop d835
gc drop d836
gc drop d837
gc drop d838
gc drop d839
gc drop d840
gc drop d841
gc drop d842
gc drop d843
gc drop d844
gc drop d845
gc drop d846
gc drop d847
gc drop d848
gc drop d849
gc drop d850
gc drop d851
gc drop d852
gc drop d853
gc drop d854
gc drop d855
gc drop d856
gc drop d857
gc drop d858
gc drop d859
gc drop d860
gc drop d861
gc drop d862
gc drop d863
gc drop d864
gc drop d865
gc drop d866
gc drop d867
gc drop d868
gc drop d869
gc drop d870
gc drop d871
gc drop d872
gc drop d873
gc drop d874
gc drop d875
gc drop d876
gc drop d877
gc drop d878
gc drop d879
gc drop d880
gc drop d881
gc drop d882
gc drop d883
gc drop d884
gc drop d885
gc drop d886
gc drop d887
gc drop d888
gc drop d889
gc drop d890
gc drop d891
gc drop d892
gc drop d893
gc drop d894
gc drop d895
gc drop d896
gc drop d897
gc drop d898
gc drop d899
gc drop d900
gc drop d901
gc drop d902
gc drop d903
gc drop d904
gc drop d905
gc drop d906
gc drop d907
gc drop d908
gc drop d909
gc drop d910
gc drop d911
gc drop d912
gc drop d913
gc drop d914
gc drop d915
gc drop d916
gc drop d917
gc drop d918
gc drop d919
gc drop d920
gc drop d921
gc drop d922
gc drop d923
gc drop d924
gc drop d925
gc drop d926
gc drop d927
gc drop d928
gc drop d929
gc drop d930
gc drop d931
gc drop d932
gc drop d933
gc drop d934
gc drop d935
gc drop d936
gc drop d937
gc drop d938
gc drop d939
gc drop d940
gc drop d941
gc drop d942
gc drop d943
gc drop d944
gc drop d945
gc drop d946
gc drop d947
gc drop d948
gc drop d949
gc drop d950
gc drop d951
gc drop d952
gc drop d953
gc drop d954
gc drop d955
gc drop d956
gc drop d957
gc drop d958
gc drop d959
gc drop d960
gc drop d961
gc drop d962
gc drop d963
gc drop d964
gc drop d965
gc drop d966
gc drop d967
gc drop d968
gc drop d969
gc drop d970
gc drop d971
gc drop d972
gc drop d973
gc drop d974
gc drop d975
gc drop d976
gc drop d977
gc drop d978
gc drop d979
gc drop d980
gc drop d981
gc drop d982
gc drop d983
gc drop d984
gc drop d985
gc drop d986
gc drop d987
gc drop d988
gc drop d989
gc drop d990
gc drop d991
gc drop d992
gc drop d993
gc drop d994
gc drop d995
gc drop d996
gc drop d997
gc drop d998
gc drop d999
gc drop d1000
gc drop d1001
gc drop d1002
gc drop d1003
gc drop d1004
gc drop d1005
gc drop d1006
gc drop d1007
gc drop d1008
gc drop d1009
gc drop d1010
gc drop d1011
gc drop d1012
gc drop d1013
gc drop d1014
gc drop d1015
gc drop d1016
gc drop d1017
gc drop d1018
gc drop d1019
gc drop d1020
gc drop d1021
gc drop d1022
gc drop d1023
gc drop d1024
gc drop d1025
gc drop d1026
gc drop d1027
gc drop d1028
gc drop d1029
gc drop d1030
gc drop d1031
gc drop d1032
gc drop d1033
gc drop d1034
gc drop d1035
gc drop d1036
gc drop d1037
gc drop d1038
gc drop d1039
gc drop d1040
gc drop d1041
gc drop d1042
gc drop d1043
gc drop d1044
gc drop d1045
gc drop d1046
gc drop d1047
gc drop d1048
gc drop d1049
gc drop d1050
gc drop d1051
gc drop d1052
gc drop d1053
gc drop d1054
gc drop d1055
gc drop d1056
gc drop d1057
gc drop d1058
gc drop d1059
gc drop d1060
gc drop d1061
gc drop d1062
gc drop d1063
gc drop d1064
gc drop d1065
gc drop d1066
gc drop d1067
gc drop d1068
gc drop d1069
gc drop d1070
gc drop d1071
gc drop d1072
gc drop d1073
gc drop d1074
gc drop d1075
gc drop d1076
gc drop d1077
gc drop d1078
gc drop d1079
gc drop d1080
gc drop d1081
gc drop d1082
gc drop d1083
gc drop d1084
gc drop d1085
gc drop d1086
gc drop d1087
gc drop d1088
gc drop d1089
gc drop d1090
gc drop d1091
gc drop d1092
gc drop d1093
gc drop d1094
gc drop d1095
gc drop d1096
gc drop d1097
gc drop d1098
gc drop d1099
gc drop d1100
gc drop d1101
gc drop d1102
gc drop d1103
gc drop d1104
gc drop d1105
gc drop d1106
gc drop d1107
gc drop d1108
gc drop d1109
gc drop d1110
gc drop d1111
gc drop d1112
gc drop d1113
gc drop d1114
gc drop d1115
gc drop d1116
gc drop d1117
gc drop d1118
gc drop d1119
gc drop d1120
gc drop d1121
gc drop d1122
gc drop d1123
gc drop d1124
gc drop d1125
gc drop d1126
gc drop d1127
gc drop d1128
gc drop d1129
gc drop d1130
gc drop d1131
gc drop d1132
gc drop d1133
gc drop d1134
gc drop d1135
gc drop d1136
gc drop d1137
gc drop d1138
gc drop d1139
gc drop d1140
gc drop d1141
gc drop d1142
gc drop d1143
gc drop d1144
gc drop d1145
gc drop d1146
gc drop d1147
gc drop d1148
gc drop d1149
gc drop d1150
gc drop d1151
gc drop d1152
gc drop d1153
gc drop d1154
gc drop d1155
gc drop d1156
gc drop d1157
gc drop d1158
gc drop d1159
gc drop d1160
gc drop d1161
gc drop d1162
gc drop d1163
gc drop d1164
gc drop d1165
gc drop d1166
gc drop d1167
gc drop d1168
gc drop d1169
gc drop d1170
gc drop d1171
gc drop d1172
gc drop d1173
gc drop d1174
gc drop d1175
gc drop d1176
gc drop d1177
gc drop d1178
gc drop d1179
gc drop d1180
gc drop d1181
gc drop d1182
gc drop d1183
gc drop d1184
gc drop d1185
gc drop d1186
gc drop d1187
gc drop d1188
gc drop d1189
gc drop d1190
gc drop d1191
gc drop d1192
gc drop d1193
gc drop d1194
gc drop d1195
gc drop d1196
gc drop d1197
gc drop d1198
gc drop d1199
gc collect
check
